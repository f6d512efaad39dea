package com.quotadoctor.fix;

import java.util.List;
import java.util.Optional;

/**
 * A quota as Service Quotas says it is right now, read immediately before filing.
 *
 * @param name        {@code QuotaName}
 * @param applied     the account's applied value; empty when only the default applies
 * @param awsDefault  the AWS default
 * @param adjustable  whether AWS takes increase requests for it
 * @param open        the quota's requests still open or being applied (PENDING, CASE_OPENED)
 * @param filedToday  increase requests the account filed in this region in the last 24 hours, any quota
 */
public record QuotaState(String name, Optional<Double> applied, Optional<Double> awsDefault, boolean adjustable,
                         List<OpenRequest> open, int filedToday) {

    public QuotaState {
        open = List.copyOf(open);
    }

    /** A request AWS has not decided yet. */
    public record OpenRequest(String id, String status, double desiredValue, Optional<String> caseId) {
    }

    /** What applies to calls now: the applied value, else the default. */
    public Optional<Double> current() {
        return applied.or(() -> awsDefault);
    }
}
