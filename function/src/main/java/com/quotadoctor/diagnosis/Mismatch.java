package com.quotadoctor.diagnosis;

/** A way an increase request can miss the context of the failing calls, in the order they are judged. */
public enum Mismatch {
    ACCOUNT(FindingCode.ACCOUNT_MISMATCH),
    REGION(FindingCode.REGION_MISMATCH),
    ENDPOINT(FindingCode.ENDPOINT_MISMATCH),
    FAMILY(FindingCode.INFERENCE_TYPE_MISMATCH),
    MODEL(FindingCode.MODEL_MISMATCH),
    METRIC(FindingCode.METRIC_MISMATCH);

    private final FindingCode code;

    Mismatch(FindingCode code) {
        this.code = code;
    }

    public FindingCode code() {
        return code;
    }
}
