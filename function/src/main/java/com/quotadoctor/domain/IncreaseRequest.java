package com.quotadoctor.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A quota increase request ({@code RequestedServiceQuotaChange}).
 *
 * @param rawStatus the status exactly as AWS sent it (kept when it is unknown to {@link RequestStatus})
 * @param region    from the quota ARN, else the region whose history listed it
 * @param account   from {@code Requester.accountId}, else the quota ARN
 */
public record IncreaseRequest(String id, Optional<String> caseId, String quotaCode, String quotaName, QuotaKind kind,
                              double desiredValue, RequestStatus status, String rawStatus, Optional<Instant> created,
                              Optional<Instant> lastUpdated, String region, Optional<String> account,
                              Optional<String> requesterArn) {

    /** Whether {@code reference} names this request: its request id, or the support case filed for it. */
    public boolean isNamedBy(String reference) {
        return id.equals(reference) || caseId.filter(reference::equals).isPresent();
    }

    /** When the request last changed: the decision time for decided requests. */
    public Optional<Instant> decidedAt() {
        return lastUpdated.or(() -> created);
    }
}
