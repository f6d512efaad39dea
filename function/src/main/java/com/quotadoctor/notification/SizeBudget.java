package com.quotadoctor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;

import java.nio.charset.StandardCharsets;

/**
 * What keeps a diagnosis inside the hard limits it travels through: an SNS message (256 KiB, attributes included)
 * and a Step Functions state (256 KiB). A message over the limit is refused outright (SNS) or fails the execution
 * in a way no Catch sees (Step Functions): so it is shrunk, least useful first — the findings' evidence maps, then
 * the report text, then everything but the verdict — and says that it was.
 */
public final class SizeBudget {

    /** SNS's and Step Functions' limit, in bytes of UTF-8. */
    public static final int LIMIT = 256 * 1024;
    public static final String NOTE = "\n\n(shortened to fit 256 KB: the full diagnosis is in the Diagnose function's log)";

    private SizeBudget() {
    }

    public static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The diagnosis JSON without each finding's evidence map, marked as shortened. */
    public static ObjectNode withoutEvidence(JsonNode diagnosis) {
        ObjectNode copy = diagnosis.deepCopy();
        JsonNode findings = copy.path("findings");
        if (findings instanceof ArrayNode list) {
            list.forEach(f -> {
                if (f instanceof ObjectNode o) {
                    o.remove("evidence");
                }
            });
        }
        copy.put("shortened", true);
        return copy;
    }

    /** Only what routes and dedupes: verdict, fingerprint, the first finding's title. */
    public static ObjectNode essentials(JsonNode diagnosis) {
        ObjectNode min = JsonTree.NODES.objectNode();
        for (String field : new String[]{"verdict", "fingerprint", "attempt", "judgedAt", "trigger", "nextCheckSeconds", "deadline", "situation"}) {
            if (diagnosis.has(field)) {
                min.set(field, diagnosis.get(field));
            }
        }
        JsonNode first = diagnosis.path("findings").path(0);
        if (first.has("title")) {
            min.put("title", first.get("title").asText());
        }
        min.put("shortened", true);
        return min;
    }

    /** {@code text} cut to at most {@code maxBytes} of UTF-8, ending with {@link #NOTE} when cut. */
    public static String cut(String text, int maxBytes) {
        if (bytes(text) <= maxBytes) {
            return text;
        }
        int keep = Math.max(0, maxBytes - bytes(NOTE));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int end = Math.min(keep, utf8.length);
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // never split a character
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8) + NOTE;
    }
}
