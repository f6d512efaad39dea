package com.quotadoctor.domain;

import java.util.Optional;

/**
 * What a Bedrock quota governs, read from its code and name.
 *
 * @param family   the inference family it limits
 * @param metric   what it counts
 * @param model    the model it is for; empty for cross-model and unrecognised quotas
 * @param sharedWithCrossRegion true for "Model invocation max tokens per day … (doubled for cross-region calls)",
 *                 the daily quota that on-demand and geographic cross-region calls share
 */
public record QuotaKind(InferenceFamily family, QuotaMetric metric, Optional<ModelName> model,
                        boolean sharedWithCrossRegion) {

    public static final QuotaKind UNRECOGNISED = new QuotaKind(InferenceFamily.OTHER, QuotaMetric.OTHER,
            Optional.empty(), false);

    /** Whether calls of this family draw from this quota. */
    public boolean governs(InferenceFamily callFamily) {
        if (metric == QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY) {
            return callFamily.isRuntime();
        }
        if (sharedWithCrossRegion) {
            return callFamily == InferenceFamily.ON_DEMAND || callFamily == InferenceFamily.CROSS_REGION;
        }
        return family == callFamily;
    }

    /** Whether calls of this family get twice its applied value: cross-region calls of the shared daily quota. */
    public boolean countsDoubleFor(InferenceFamily callFamily) {
        return sharedWithCrossRegion && callFamily == InferenceFamily.CROSS_REGION;
    }

    /** Whether it refuses inference calls: a runtime family's, or bedrock-mantle's input tokens per minute. */
    public boolean isRuntimeLimit() {
        return (family.isRuntime() || family == InferenceFamily.MANTLE) && metric.isRuntimeLimit();
    }

    /** A short human description, e.g. "cross-Region (geographic profile) tokens per minute for Anthropic Claude Sonnet 4.5 V1". */
    public String describe() {
        String subject = model.map(m -> " for " + m.display()).orElse("");
        if (metric == QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY) {
            return "cross-model tokens per day";
        }
        if (sharedWithCrossRegion) {
            return "tokens per day" + subject + " (on-demand and cross-Region)";
        }
        return family.label() + " " + metric.label() + subject;
    }
}
