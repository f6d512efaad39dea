package com.quotadoctor.domain;

import java.util.Optional;

/** The result of an explicit-region retest call. */
public record Probe(String region, String modelId, String outcome, Optional<String> message, Optional<Long> latencyMs) {

    public boolean succeeded() {
        return "Success".equalsIgnoreCase(outcome) || "OK".equalsIgnoreCase(outcome);
    }
}
