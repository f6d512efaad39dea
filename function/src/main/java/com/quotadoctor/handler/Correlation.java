package com.quotadoctor.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.json.JsonTree;
import org.slf4j.MDC;

import java.util.function.Supplier;

/**
 * Ties every log line of an invocation to what it is about: the EventBridge event id of a trigger, else the
 * fingerprint of the diagnosis the workflow passed along (the same across the loop's attempts), else the
 * Lambda request id. Powertools' JSON layout prints it as {@code correlation_id}.
 */
final class Correlation {

    private static final String KEY = "correlation_id";

    private Correlation() {
    }

    static <T> T around(String payload, String requestId, Supplier<T> work) {
        MDC.put(KEY, of(payload).orElse(requestId));
        try {
            return work.get();
        } finally {
            MDC.remove(KEY);
        }
    }

    static java.util.Optional<String> of(String payload) {
        try {
            JsonNode root = payload == null ? null : JsonTree.parse(payload);
            if (root == null || !root.isObject()) {
                return java.util.Optional.empty();
            }
            for (String field : new String[]{"id", "fingerprint"}) {
                JsonNode value = root.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return java.util.Optional.of(value.asText());
                }
            }
            return java.util.Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty(); // a malformed payload is reported by the step, not here
        }
    }
}
