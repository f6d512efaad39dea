package com.quotadoctor.evidence;

import com.quotadoctor.domain.QuotaArn;

import java.time.Instant;
import java.util.Optional;

/**
 * One {@code RequestedServiceQuotaChange} as the request history listed it.
 *
 * @param rawStatus        the status exactly as sent
 * @param requesterAccount {@code Requester.accountId}
 * @param requesterArn     {@code Requester.callerArn}
 */
public record ListedRequest(String id, Optional<String> caseId, Optional<String> serviceCode, String quotaCode,
                            Optional<String> quotaName, double desiredValue, String rawStatus,
                            Optional<Instant> created, Optional<Instant> lastUpdated, Optional<QuotaArn> arn,
                            Optional<String> requesterAccount, Optional<String> requesterArn) {

    public boolean isBedrock() {
        return com.quotadoctor.domain.ServiceCode.isBedrock(serviceCode);
    }
}
