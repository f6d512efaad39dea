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

    /** Held to AWS's shapes where it enters, from the API or a snapshot alike: no id carries a line of its own. */
    public ListedRequest {
        com.quotadoctor.domain.AwsId.REQUEST_ID.require(id, "Id");
        com.quotadoctor.domain.AwsId.QUOTA_CODE.require(quotaCode, "QuotaCode");
        caseId.ifPresent(c -> com.quotadoctor.domain.AwsId.CASE_DISPLAY_ID.require(c, "CaseId"));
        com.quotadoctor.domain.AwsId.STATUS.require(rawStatus, "Status");
        quotaName = quotaName.map(n -> com.quotadoctor.domain.Text.oneLine(n, 256));
        serviceCode = serviceCode.map(c -> com.quotadoctor.domain.Text.oneLine(c, 64));
        requesterArn = requesterArn.map(a -> com.quotadoctor.domain.Text.oneLine(a, 2048));
    }

    public boolean isBedrock() {
        return com.quotadoctor.domain.ServiceCode.isBedrock(serviceCode);
    }
}
