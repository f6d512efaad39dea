package com.quotadoctor.domain;

/** The parts of a region's evidence, named as in the snapshot and by the API that fills them. */
public enum EvidenceSection {
    SERVICE_QUOTAS("serviceQuotas", Operation.LIST_SERVICE_QUOTAS, Operation.GET_SERVICE_QUOTA),
    DEFAULT_QUOTAS("defaultQuotas", Operation.LIST_AWS_DEFAULT_SERVICE_QUOTAS),
    REQUESTED_CHANGES("requestedChanges", Operation.LIST_REQUESTED_SERVICE_QUOTA_CHANGE_HISTORY),
    METRICS("metrics", Operation.GET_METRIC_DATA),
    FAILED_CALLS("failedCalls", Operation.LOOKUP_EVENTS),
    PROBES("probes", Operation.CONVERSE),
    INFERENCE_PROFILES("inferenceProfiles", Operation.GET_INFERENCE_PROFILE);

    private final String snapshotField;
    private final Operation operation;
    private final java.util.List<Operation> alsoReadBy;

    EvidenceSection(String snapshotField, Operation operation, Operation... alsoReadBy) {
        this.snapshotField = snapshotField;
        this.operation = operation;
        this.alsoReadBy = java.util.List.of(alsoReadBy);
    }

    /** Whether a failure of {@code source} (an operation or this section's snapshot name) explains this section missing. */
    public boolean isFilledBy(String source) {
        return operation.is(source) || source.equals(snapshotField) || alsoReadBy.stream().anyMatch(o -> o.is(source));
    }

    public String snapshotField() {
        return snapshotField;
    }

    public Operation operation() {
        return operation;
    }

    /** Probes are optional, inference profiles read only when calls use one; every other section missing is a gap. */
    public boolean expected() {
        return this != PROBES && this != INFERENCE_PROFILES;
    }
}
