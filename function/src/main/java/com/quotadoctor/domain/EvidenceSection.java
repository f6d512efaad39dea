package com.quotadoctor.domain;

/** The parts of a region's evidence, named as in the snapshot and by the API that fills them. */
public enum EvidenceSection {
    SERVICE_QUOTAS("serviceQuotas", "ListServiceQuotas"),
    DEFAULT_QUOTAS("defaultQuotas", "ListAWSDefaultServiceQuotas"),
    REQUESTED_CHANGES("requestedChanges", "ListRequestedServiceQuotaChangeHistory"),
    METRICS("metrics", "GetMetricData"),
    FAILED_CALLS("failedCalls", "LookupEvents"),
    PROBES("probes", "Converse"),
    INFERENCE_PROFILES("inferenceProfiles", "GetInferenceProfile");

    private final String snapshotField;
    private final String operation;

    EvidenceSection(String snapshotField, String operation) {
        this.snapshotField = snapshotField;
        this.operation = operation;
    }

    public String snapshotField() {
        return snapshotField;
    }

    public String operation() {
        return operation;
    }

    /** Probes are optional, inference profiles read only when calls use one; every other section missing is a gap. */
    public boolean expected() {
        return this != PROBES && this != INFERENCE_PROFILES;
    }
}
