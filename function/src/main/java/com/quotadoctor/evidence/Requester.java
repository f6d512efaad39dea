package com.quotadoctor.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.json.WireNode;

import java.util.Optional;

/**
 * The {@code Requester} of an increase request: on the wire a JSON-encoded string,
 * {@code "{\"accountId\":\"123456789012\",\"callerArn\":\"arn:aws:iam::123456789012:root\"}"}.
 */
public record Requester(Optional<String> accountId, Optional<String> callerArn) {

    private static final Requester UNKNOWN = new Requester(Optional.empty(), Optional.empty());

    /** The wire value as the SDK hands it over: the JSON-encoded string, or null. */
    public static Requester fromWire(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        try {
            return parse(WireNode.root(JsonTree.parse(text), "Requester"));
        } catch (java.io.IOException | ShapeException e) {
            return UNKNOWN; // the requester only refines the account; the quota ARN still names it
        }
    }

    static Requester parse(WireNode field) {
        if (!field.present()) {
            return UNKNOWN;
        }
        JsonNode node = field.node();
        if (node.isTextual()) {
            try {
                node = JsonTree.parse(node.asText());
            } catch (java.io.IOException e) {
                throw field.problem("expected a JSON-encoded object with accountId and callerArn");
            }
        }
        if (node == null || !node.isObject()) {
            throw field.problem("expected a JSON-encoded object with accountId and callerArn");
        }
        WireNode parsed = new WireNode(node, field.path(), field.document());
        return new Requester(parsed.field("accountId").text(), parsed.field("callerArn").text());
    }
}
