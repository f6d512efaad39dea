package com.quotadoctor.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A gap's kind is read from its code and source in one place; the advice follows the kind. */
class EvidenceGapTest {

    @ParameterizedTest
    @CsvSource({
            "GetCallerIdentity, CredentialsRejected, CREDENTIALS_REJECTED",
            "AssumeRole, AccessDenied, ROLE_NOT_ASSUMED",
            "ListServiceQuotas, AccessDeniedException, ACCESS_DENIED",
            "LookupEvents, UnauthorizedOperation, ACCESS_DENIED",
            "ListServiceQuotas, TooManyRequestsException, THROTTLED",
            "GetMetricData, Throttling, THROTTLED",
            "ListServiceQuotas, UnrecognizedClientException, REGION_NOT_ENABLED",
            "LookupEvents, OptInRequired, REGION_NOT_ENABLED",
            "inferenceProfiles, UnresolvedModel, UNRESOLVED_MODEL",
            "serviceQuotas, MalformedSection, MALFORMED_SECTION",
            "metrics, NotCollected, NOT_COLLECTED",
            "Collection, RunBudgetSpent, RUN_BUDGET_SPENT",
            "ListServiceQuotas, Timeout, FAILED",
            "GetServiceQuota, MalformedResponse, FAILED",
            "ListRequestedServiceQuotaChangeHistory, PageTooLarge, FAILED"})
    void eachCodeHasItsKind(String source, String code, GapKind kind) {
        assertThat(new EvidenceGap("us-west-2", source, code, "m").kind()).isEqualTo(kind);
    }
}
