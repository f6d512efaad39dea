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
    ESTIMATED_TPM_QUOTA_USAGE("EstimatedTPMQuotaUsage"),
    /** bedrock-mantle's completed inferences ({@code AWS/BedrockMantle}, dimension {@code Model}). */
    MANTLE_INFERENCES("Inferences", true),
    /** bedrock-mantle's 4xx answers: AWS publishes no separate throttle count there, so 429s are among these. */
    MANTLE_CLIENT_ERRORS("InferenceClientErrors", true),
    MANTLE_INPUT_TOKENS("TotalInputTokens", true),
    MANTLE_OUTPUT_TOKENS("TotalOutputTokens", true);

    /** The CloudWatch namespace the bedrock-runtime metrics are published in (dimension {@code ModelId}). */
    public static final String NAMESPACE = "AWS/Bedrock";
    /**
     * The bedrock-mantle endpoint's namespace (dimension {@code Model}): "Monitor bedrock-mantle inference using
     * CloudWatch metrics", Amazon Bedrock User Guide. Its metric names differ from the runtime's, so a series' name
     * tells its namespace.
     */
    public static final String MANTLE_NAMESPACE = "AWS/BedrockMantle";

    private final String wireName;
    private final boolean mantle;

    BedrockMetric(String wireName) {
        this(wireName, false);
    }

    BedrockMetric(String wireName, boolean mantle) {
        this.wireName = wireName;
        this.mantle = mantle;
    }

    public boolean isMantle() {
        return mantle;
    }

    public String namespace() {
        return mantle ? MANTLE_NAMESPACE : NAMESPACE;
    }

    /** The dimension that names the model in its namespace. */
    public String modelDimension() {
        return mantle ? "Model" : "ModelId";
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
        return this == INPUT_TOKEN_COUNT || this == OUTPUT_TOKEN_COUNT || this == CACHE_WRITE_INPUT_TOKENS
                || this == MANTLE_INPUT_TOKENS || this == MANTLE_OUTPUT_TOKENS;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
