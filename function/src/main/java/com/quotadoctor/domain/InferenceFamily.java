package com.quotadoctor.domain;

/** The quota family a call draws from, decided by how the model is addressed. */
public enum InferenceFamily {
    /** A bare model id or foundation-model ARN: the On-demand quotas. */
    ON_DEMAND("on-demand"),
    /** A geographic inference profile ({@code us.}, {@code eu.}, {@code apac.}, …): the Cross-region quotas. */
    CROSS_REGION("cross-Region (geographic profile)"),
    /** A {@code global.} inference profile: the Global cross-region quotas. */
    GLOBAL("global cross-Region"),
    /**
     * On-demand calls made with {@code performanceConfig.latency=optimized}: their own quotas ("On-Demand,
     * latency-optimized model inference tokens per minute for …"), which standard calls never draw on. A model
     * id cannot tell such calls apart, so this family governs no call the diagnosis sees.
     */
    LATENCY_OPTIMIZED("on-demand latency-optimized"),
    /** A provisioned-model ARN: model units, not tokens per minute. */
    PROVISIONED("provisioned throughput"),
    /** Batch inference job quotas. */
    BATCH("batch inference"),
    /**
     * Calls to the bedrock-mantle endpoint (OpenAI Responses and Chat Completions, Anthropic Messages): its own
     * "Bedrock Mantle input/output tokens per minute for …" quotas, which runtime calls never draw on, nor the reverse.
     */
    MANTLE("bedrock-mantle"),
    /** Anything else (application inference profile not yet resolved, …). */
    OTHER("other");

    private final String label;

    InferenceFamily(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** One or two words, for titles and subjects: "on-demand", "cross-region", "global". */
    public String brief() {
        return switch (this) {
            case CROSS_REGION -> "cross-region";
            case GLOBAL -> "global";
            default -> label;
        };
    }

    public boolean isRuntime() {
        return this == ON_DEMAND || this == CROSS_REGION || this == GLOBAL;
    }
}
