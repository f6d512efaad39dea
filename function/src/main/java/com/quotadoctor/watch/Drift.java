package com.quotadoctor.watch;

/** An approved increase whose applied value has not reached what was asked for. */
public record Drift(String requestId, String quotaCode, String region, double desiredValue, double appliedValue,
                    String status) {
}
