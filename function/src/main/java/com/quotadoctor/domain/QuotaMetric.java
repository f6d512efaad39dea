package com.quotadoctor.domain;

/** What a Bedrock quota counts. */
public enum QuotaMetric {
    REQUESTS_PER_MINUTE("requests per minute", "RPM"),
    TOKENS_PER_MINUTE("tokens per minute", "TPM"),
    TOKENS_PER_DAY("tokens per day", "TPD"),
    CROSS_MODEL_TOKENS_PER_DAY("cross-model tokens per day", "cross-model TPD"),
    CONCURRENT_REQUESTS("concurrent requests", "concurrency"),
    OTHER("other", "other");

    private final String label;
    private final String shortLabel;

    QuotaMetric(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    public String label() {
        return label;
    }

    public String shortLabel() {
        return shortLabel;
    }

    public boolean isDaily() {
        return this == TOKENS_PER_DAY || this == CROSS_MODEL_TOKENS_PER_DAY;
    }

    /** The metrics that throttle bedrock-runtime calls. */
    public boolean isRuntimeLimit() {
        return this == REQUESTS_PER_MINUTE || this == TOKENS_PER_MINUTE || isDaily();
    }
}
