package com.quotadoctor.diagnosis;

/**
 * The finding codes of the contract, declared in rank order: when several apply, the first
 * declared is the verdict. Misalignments come first (waiting or re-requesting cannot fix them),
 * then the state of the request, then demand, then what is merely uncertain.
 */
public enum FindingCode {
    ACCOUNT_MISMATCH,
    REGION_MISMATCH,
    ENDPOINT_MISMATCH,
    INFERENCE_TYPE_MISMATCH,
    MODEL_MISMATCH,
    METRIC_MISMATCH,
    DAILY_QUOTA_EXHAUSTED,
    REQUEST_DENIED,
    PROPAGATION_OVERDUE,
    PARTIALLY_GRANTED,
    PROPAGATION_PENDING,
    REQUEST_PENDING,
    QUOTA_LOWERED,
    APPLIED_BELOW_DEFAULT,
    NOT_ADJUSTABLE,
    FLEX_TIER_THROTTLED,
    USAGE_EXCEEDS_QUOTA,
    MAX_TOKENS_RESERVATION,
    NO_MATCHING_REQUEST,
    AGENT_CALLS_NOT_LOGGED,
    INCOMPLETE_EVIDENCE,
    ALIGNED;

    /** Whether waiting (and rechecking) is the fix. */
    public boolean waitingHelps() {
        return this == REQUEST_PENDING || this == PROPAGATION_PENDING;
    }
}
