package com.quotadoctor.domain;

/** What a Bedrock quota counts. */
public enum QuotaMetric {
    REQUESTS_PER_MINUTE("requests per minute"),
    TOKENS_PER_MINUTE("tokens per minute"),
    /** bedrock-mantle's output quota: reached during generation it cuts the answer short, it does not refuse the call. */
    OUTPUT_TOKENS_PER_MINUTE("output tokens per minute"),
    TOKENS_PER_DAY("tokens per day"),
    CROSS_MODEL_TOKENS_PER_DAY("cross-model tokens per day"),
    CONCURRENT_REQUESTS("concurrent requests"),
    OTHER("other");

    private final String label;

    QuotaMetric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isDaily() {
        return this == TOKENS_PER_DAY || this == CROSS_MODEL_TOKENS_PER_DAY;
    }

    /** The metrics that throttle bedrock-runtime calls. */
    public boolean isRuntimeLimit() {
        return this == REQUESTS_PER_MINUTE || this == TOKENS_PER_MINUTE || isDaily();
    }
}
