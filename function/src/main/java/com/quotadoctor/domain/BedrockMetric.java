package com.quotadoctor.domain;

import java.util.Optional;

/**
 * The {@code AWS/Bedrock} runtime metrics (per {@code ModelId}) the diagnosis reads: "Monitor Amazon Bedrock with
 * Amazon CloudWatch", Amazon Bedrock User Guide. A series of any other name in a snapshot is kept and ignored.
 */
public enum BedrockMetric {
    INVOCATIONS("Invocations"),
    INVOCATION_THROTTLES("InvocationThrottles"),
    INPUT_TOKEN_COUNT("InputTokenCount"),
    OUTPUT_TOKEN_COUNT("OutputTokenCount"),
    CACHE_WRITE_INPUT_TOKENS("CacheWriteInputTokens"),
    ESTIMATED_TPM_QUOTA_USAGE("EstimatedTPMQuotaUsage");

    /** The CloudWatch namespace they are published in. */
    public static final String NAMESPACE = "AWS/Bedrock";

    private final String wireName;

    BedrockMetric(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The metric of that name, if it is one the diagnosis reads. */
    public static Optional<BedrockMetric> of(String wireName) {
        for (BedrockMetric m : values()) {
            if (m.wireName.equals(wireName)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Whether it counts tokens against the quota (output at the model's burndown rate). */
    public boolean countsTokens() {
        return this == INPUT_TOKEN_COUNT || this == OUTPUT_TOKEN_COUNT || this == CACHE_WRITE_INPUT_TOKENS;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
