package com.quotadoctor.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

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
        assertThat(EvidenceGap.in("us-west-2", source, code, "m").kind()).isEqualTo(kind);
    }

    @Test
    void aGapOfNoSingleRegionIsGlobalOnTheWireAndSeveralRegionsAListNotAString() {
        EvidenceGap role = EvidenceGap.accountWide("AssumeRole", "AccessDenied", "m");
        EvidenceGap merged = EvidenceGap.merged(List.of(EvidenceGap.in("us-east-1", "ListServiceQuotas", "AccessDenied",
                "denied in us-east-1"), EvidenceGap.in("eu-west-1", "ListServiceQuotas", "AccessDenied", "denied in eu-west-1")))
                .get(0);

        assertThat(role.regions()).isEmpty();
        assertThat(role.region()).isEqualTo("global");
        assertThat(merged.regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(merged.region()).isEqualTo("us-east-1,eu-west-1");
        assertThat(EvidenceGap.fromWire(merged.region(), "s", "c", "m", java.util.Optional.empty()).regions())
                .containsExactly("us-east-1", "eu-west-1");
        assertThat(EvidenceGap.fromWire("global", "s", "c", "m", java.util.Optional.empty()).isAccountWide()).isTrue();
    }
}
