package com.quotadoctor.fix;

import java.util.Optional;

/** Service Quotas, for filing: the quota as it is now, and the filing itself. */
public interface QuotaDesk {

    /** The quota's state read now; the account's filings in the region over the last 24 hours counted. */
    QuotaState read(String quotaCode, String region);

    /** Files the increase; AWS's answer. */
    Filed file(String quotaCode, String region, double value);

    /** A request AWS accepted. */
    record Filed(String requestId, String status, Optional<String> caseId) {
    }
}
