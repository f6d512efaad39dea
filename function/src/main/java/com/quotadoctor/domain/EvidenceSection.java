package com.quotadoctor.domain;

/** The parts of a region's evidence, named as in the snapshot and by the API that fills them. */
public enum EvidenceSection {
    SERVICE_QUOTAS("serviceQuotas", "ListServiceQuotas", "GetServiceQuota"),
    DEFAULT_QUOTAS("defaultQuotas", "ListAWSDefaultServiceQuotas"),
    REQUESTED_CHANGES("requestedChanges", "ListRequestedServiceQuotaChangeHistory"),
    METRICS("metrics", "GetMetricData"),
    FAILED_CALLS("failedCalls", "LookupEvents"),
    PROBES("probes", "Converse"),
    INFERENCE_PROFILES("inferenceProfiles", "GetInferenceProfile");

    private final String snapshotField;
    private final String operation;
    private final java.util.List<String> alsoReadBy;

    EvidenceSection(String snapshotField, String operation, String... alsoReadBy) {
        this.snapshotField = snapshotField;
        this.operation = operation;
        this.alsoReadBy = java.util.List.of(alsoReadBy);
    }

    /** Whether a failure of {@code source} (an operation or this section's snapshot name) explains this section missing. */
    public boolean isFilledBy(String source) {
        return source.equals(operation) || source.equals(snapshotField) || alsoReadBy.contains(source);
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
