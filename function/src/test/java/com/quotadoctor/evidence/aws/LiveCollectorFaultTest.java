package com.quotadoctor.evidence.aws;

import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubCatalogue;
import com.quotadoctor.stub.StubFault;
import com.quotadoctor.stub.StubWorld;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.diagnosis.Finding;
import com.quotadoctor.diagnosis.FindingCode;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.RegionCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults at the wire: whatever fails costs only its own account, region and operation. The diagnosis
 * still comes out, INCOMPLETE_EVIDENCE names each gap, and every other region's evidence is intact.
 */
class LiveCollectorFaultTest {

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");

    private StubAws aws;

    @AfterEach
    void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    /** Faults of the quota lists are exercised in quiet regions too: read the catalogue everywhere. */
    private static CollectionSettings everywhere() {
        return StubWorld.settings(REGIONS).withQuotasEverywhere(true);
    }

    private Capture collect(StubAws stub, CollectionSettings settings) {
        aws = stub;
        return LiveRun.collect(stub, settings);
    }

    private Capture collect(StubFault fault) {
        return collect(new StubAws(StubWorld.home(REGIONS)).fault(fault), everywhere());
    }

    private static Diagnosis diagnose(Capture capture) {
        return Diagnostician.standard().diagnose(capture.request(), capture.evidence());
    }

    /** The approval in us-east-1 and the failing calls in us-west-2 were both read: the verdict stands. */
    private static void theMisalignmentIsStillFound(Diagnosis diagnosis) {
        assertThat(diagnosis.verdict()).isEqualTo(FindingCode.REGION_MISMATCH);
    }

    private static Finding incompleteEvidence(Diagnosis diagnosis) {
        return diagnosis.findings().stream().filter(f -> f.code() == FindingCode.INCOMPLETE_EVIDENCE).findFirst()
                .orElseThrow(() -> new AssertionError("no INCOMPLETE_EVIDENCE finding: " + diagnosis.findings()));
    }

    private static List<EvidenceGap> gaps(Capture capture) {
        return capture.evidence().allGaps();
    }

    @Test
    void aThrottlingBurstIsRetriedAwayAndLeavesNoGap() {
        Capture capture = collect(StubFault.throttling("ListServiceQuotas").inRegion("us-east-1").times(1));

        assertThat(gaps(capture)).isEmpty();
        assertThat(aws.calls(StubWorld.HOME, "us-east-1", "ListServiceQuotas"))
                .isEqualTo(aws.calls(StubWorld.HOME, "eu-west-1", "ListServiceQuotas") + 1);
        theMisalignmentIsStillFound(diagnose(capture));
    }

    @Test
    void aSeriesCloudWatchCouldNotReadIsAGapNotZeroTraffic() {
        Capture capture = collect(StubFault.seriesStatus("Forbidden").inRegion("us-west-2"));

        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.region()).isEqualTo("us-west-2");
            assertThat(g.source()).isEqualTo("GetMetricData");
            assertThat(g.code()).isEqualTo("SeriesNotComplete");
            assertThat(g.message()).contains("missing, not zero").contains("(Forbidden)");
        });
        assertThat(capture.regions().get("us-west-2").metrics()).as("no series read as zeros").isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAwayAndLeavesNoGap() {
        Capture capture = collect(StubFault.serverError("LookupEvents").inRegion("us-west-2").times(1));

        assertThat(gaps(capture)).isEmpty();
        assertThat(capture.regions().get("us-west-2").failedCalls()).hasSize(StubWorld.FAILED_CALLS);
    }

    @Test
    void aServerErrorThatPersistsIsAGapForThatOperationAndRegionOnly() {
        Capture capture = collect(StubFault.serverError("ListRequestedServiceQuotaChangeHistory").inRegion("eu-west-1"));

        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.region()).isEqualTo("eu-west-1");
            assertThat(g.source()).isEqualTo("ListRequestedServiceQuotaChangeHistory");
            assertThat(g.code()).isEqualTo("ServiceException");
        });
        assertThat(capture.regions().get("eu-west-1").collected()).doesNotContain(EvidenceSection.REQUESTED_CHANGES)
                .contains(EvidenceSection.SERVICE_QUOTAS, EvidenceSection.FAILED_CALLS);
        Diagnosis diagnosis = diagnose(capture);
        theMisalignmentIsStillFound(diagnosis);
        assertThat(incompleteEvidence(diagnosis).explanation()).contains("eu-west-1 ListRequestedServiceQuotaChangeHistory (ServiceException)");
    }

    @Test
    void aTimeoutIsAGapNamingTheOperation() {
        CollectionSettings quick = everywhere().withTimeouts(2, Duration.ofMillis(300), Duration.ofSeconds(3));

        Capture capture = collect(new StubAws(StubWorld.home(REGIONS))
                .fault(StubFault.slow("ListAWSDefaultServiceQuotas", 2_000).inRegion("eu-west-1")), quick);

        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.region()).isEqualTo("eu-west-1");
            assertThat(g.source()).isEqualTo("ListAWSDefaultServiceQuotas");
            assertThat(g.code()).isEqualTo("Timeout");
        });
        theMisalignmentIsStillFound(diagnose(capture));
    }

    @Test
    void accessDeniedInOneRegionCostsOnlyThatRegionsList() {
        Capture capture = collect(StubFault.error("ListServiceQuotas", 400, "AccessDeniedException",
                "User is not authorized to perform: servicequotas:ListServiceQuotas").inRegion("eu-west-1"));

        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.code()).isEqualTo("AccessDeniedException");
            assertThat(g.message()).contains("servicequotas:ListServiceQuotas");
        });
        assertThat(capture.regions().get("eu-west-1").evidence().quotas()).isNotEmpty()
                .allSatisfy(q -> assertThat(q.applied()).isEmpty()); // the defaults still name every quota
        Diagnosis diagnosis = diagnose(capture);
        theMisalignmentIsStillFound(diagnosis);
        // the one action the failed call needs, not every read-only permission
        assertThat(incompleteEvidence(diagnosis).remediation()).anySatisfy(step -> assertThat(step.action())
                .isEqualTo("Grant servicequotas:ListServiceQuotas (what ListServiceQuotas needs) to the role that "
                        + "collects evidence in eu-west-1."));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "ListRequestedServiceQuotaChangeHistory, false", "ListRequestedServiceQuotaChangeHistory, true",
            "LookupEvents, false", "LookupEvents, true", "GetMetricData, false", "GetMetricData, true",
            "ListAWSDefaultServiceQuotas, false", "ListServiceQuotas, true"})
    void aSuccessThatIsNotAnAwsAnswerIsAGapNotNothingThere(String operation, boolean html) {
        Capture capture = collect(StubFault.notAnAwsAnswer(operation, html).inRegion("eu-west-1"));

        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.region()).isEqualTo("eu-west-1");
            assertThat(g.source()).isEqualTo(operation);
            assertThat(g.code()).isEqualTo("MalformedResponse");
        });
        theMisalignmentIsStillFound(diagnose(capture));
    }

    @Test
    void anEndpointSlowerThanTheRunsBudgetCostsItsRegionNotTheRun() {
        // every LookupEvents page in eu-west-1 answers after 30 s, within the attempt timeout: only the budget stops it
        CollectionSettings settings = everywhere().withTimeouts(1, Duration.ofSeconds(60), Duration.ofSeconds(120))
                .withRunBudget(Duration.ofSeconds(3));

        Capture capture = collect(new StubAws(StubWorld.home(REGIONS))
                .fault(StubFault.slow("LookupEvents", 30_000).inRegion("eu-west-1")), settings);

        // the gap itself is the proof the run did not wait out the 30 s pages: it is written only when the budget ends
        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.region()).isEqualTo("eu-west-1");
            assertThat(g.code()).isEqualTo(EvidenceGap.RUN_BUDGET_SPENT);
            assertThat(g.message()).contains("3 s budget");
        });
        theMisalignmentIsStillFound(diagnose(capture));
    }

    @Test
    void anEndpointIgnoringMaxResultsIsStoppedAtItsFirstPage() {
        Capture capture = collect(StubFault.ignoringMaxResults(5_000).inRegion("eu-west-1"));

        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.source()).isEqualTo("ListRequestedServiceQuotaChangeHistory");
            assertThat(g.code()).isEqualTo("PageTooLarge");
            assertThat(g.message()).contains("5000 items where at most 100");
        });
        assertThat(aws.calls(StubWorld.HOME, "eu-west-1", "ListRequestedServiceQuotaChangeHistory")).isEqualTo(1);
        theMisalignmentIsStillFound(diagnose(capture));
    }

    @Test
    void anEmptyCallerIdentityIsNotAnAccount() {
        Capture capture = collect(StubFault.notAnAwsAnswer("GetCallerIdentity", false));

        assertThat(capture.caller()).isEmpty();
        assertThat(capture.gaps()).singleElement().satisfies(g -> {
            assertThat(g.source()).isEqualTo("GetCallerIdentity");
            assertThat(g.code()).isEqualTo("MalformedResponse");
        });
    }

    @Test
    void aRefusedReadByCodeIsOneGapAndItsQuotasStayUnknownNotAtTheirDefault() {
        Capture capture = collect(new StubAws(StubWorld.home(REGIONS)).fault(StubFault.error("GetServiceQuota", 400,
                "AccessDeniedException", "User is not authorized to perform: servicequotas:GetServiceQuota")
                .inRegion("us-west-2")), StubWorld.settings(REGIONS));

        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.region()).isEqualTo("us-west-2");
            assertThat(g.source()).isEqualTo("GetServiceQuota");
            assertThat(g.code()).isEqualTo("AccessDeniedException");
        });
        assertThat(aws.calls(StubWorld.HOME, "us-west-2", "GetServiceQuota")).as("stops at the refusal").isEqualTo(1);
        RegionCapture west = capture.regions().get("us-west-2");
        assertThat(west.readByCode()).isEmpty();
        assertThat(west.collected()).doesNotContain(EvidenceSection.SERVICE_QUOTAS)
                .contains(EvidenceSection.DEFAULT_QUOTAS, EvidenceSection.FAILED_CALLS);
        assertThat(capture.regions().get("us-east-1").readByCode()).contains(StubWorld.QUOTA_CODE);
        theMisalignmentIsStillFound(diagnose(capture));
    }

    @Test
    void aQuotaWhoseAppliedValueAwsDoesNotKeepIsReadAndAtItsDefault() {
        StubAccount home = StubWorld.home(REGIONS);
        // the stub lists an applied value only for what was changed in us-west-2: every other quota there is
        // "not retrieved" by GetServiceQuota (NoSuchResourceException)
        home.region("us-west-2").keepAppliedOnly(java.util.Set.of());

        Capture capture = collect(new StubAws(home), StubWorld.settings(REGIONS));

        assertThat(gaps(capture)).isEmpty();
        RegionCapture west = capture.regions().get("us-west-2");
        assertThat(west.applied()).isEmpty();
        assertThat(west.readByCode()).isNotEmpty().allSatisfy(code ->
                assertThat(west.evidence().quota(code)).hasValueSatisfying(q -> {
                    assertThat(q.appliedRead()).isTrue();
                    assertThat(q.effectiveValue()).isEqualTo(q.awsDefault()).isPresent();
                }));
        theMisalignmentIsStillFound(diagnose(capture));
    }

    @Test
    void accessDeniedForOneApiIsAGapInEveryRegionAndNothingElse() {
        Capture capture = collect(StubFault.error("LookupEvents", 400, "AccessDeniedException",
                "User is not authorized to perform: cloudtrail:LookupEvents"));

        assertThat(gaps(capture)).hasSize(REGIONS.size())
                .allSatisfy(g -> assertThat(g.source()).isEqualTo("LookupEvents"));
        assertThat(capture.regions().values()).allSatisfy(r -> assertThat(r.collected())
                .contains(EvidenceSection.SERVICE_QUOTAS, EvidenceSection.REQUESTED_CHANGES, EvidenceSection.METRICS)
                .doesNotContain(EvidenceSection.FAILED_CALLS));
        // without CloudTrail, the metrics and the trigger still place the workload in us-west-2
        theMisalignmentIsStillFound(diagnose(capture));
    }

    @Test
    void aRegionNotEnabledIsNamedAsSuch() {
        StubAws stub = new StubAws(StubWorld.home(REGIONS));
        for (String operation : List.of("ListServiceQuotas", "ListAWSDefaultServiceQuotas",
                "ListRequestedServiceQuotaChangeHistory", "LookupEvents", "GetMetricData")) {
            stub.fault(StubFault.error(operation, 403, "UnrecognizedClientException",
                    "The security token included in the request is invalid.").inRegion("eu-west-1"));
        }

        Capture capture = collect(stub, everywhere());

        assertThat(gaps(capture)).isNotEmpty().allSatisfy(g -> {
            assertThat(g.region()).isEqualTo("eu-west-1");
            assertThat(g.message()).startsWith("the region may not be enabled for this account");
        });
        Diagnosis diagnosis = diagnose(capture);
        theMisalignmentIsStillFound(diagnosis);
        assertThat(incompleteEvidence(diagnosis).remediation()).anySatisfy(step ->
                assertThat(step.action()).contains("Enable eu-west-1 for the account"));
    }

    @Test
    void aMalformedResponseIsAGapAndTheRestIsKept() {
        Capture capture = collect(StubFault.malformed("ListAWSDefaultServiceQuotas").inRegion("us-east-1"));

        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.region()).isEqualTo("us-east-1");
            assertThat(g.code()).isEqualTo("MalformedResponse");
        });
        assertThat(capture.regions().get("us-east-1").evidence().quota(StubWorld.QUOTA_CODE))
                .hasValueSatisfying(q -> assertThat(q.applied()).contains(2_000_000.0));
        theMisalignmentIsStillFound(diagnose(capture));
    }

    @Test
    void aRefusedPaginationTokenKeepsThePagesAlreadyRead() {
        Capture capture = collect(StubFault.badPaginationToken("ListServiceQuotas").inRegion("eu-west-1"));

        assertThat(gaps(capture)).singleElement()
                .satisfies(g -> assertThat(g.code()).isEqualTo("InvalidPaginationTokenException"));
        assertThat(capture.regions().get("eu-west-1").applied()).hasSize(100);
        assertThat(capture.regions().get("eu-west-1").collected()).contains(EvidenceSection.SERVICE_QUOTAS);
    }

    @Test
    void aFailedCallerIdentityIsAGapAndCollectionGoesOn() {
        Capture capture = collect(StubFault.error("GetCallerIdentity", 403, "AccessDenied", "not allowed"));

        assertThat(capture.caller()).isEmpty();
        assertThat(gaps(capture)).singleElement().satisfies(g -> assertThat(g.source()).isEqualTo("GetCallerIdentity"));
        theMisalignmentIsStillFound(diagnose(capture));
    }

    @Test
    void throughARoleEachAccountsSeriesAreItsOwnDemandNeverSummed() {
        // both accounts call the model in us-west-2 at 150,000 input + 12,000 output (5x burndown) a minute: 210,000
        StubAccount member = StubWorld.failingMember(StubWorld.MEMBER, StubWorld.FAILING_IN, StubWorld.NOW);
        CollectionSettings settings = everywhere().withRoles(List.of(member.roleArn()));

        Capture capture = collect(new StubAws(StubWorld.home(REGIONS), member), settings);
        Diagnosis diagnosis = Diagnostician.standard().diagnose(capture.request().inAnyAccount(), capture.snapshot().evidence());

        assertThat(capture.regions().get(StubWorld.FAILING_IN).metrics())
                .anySatisfy(m -> assertThat(m.account()).contains(StubWorld.MEMBER))
                .anySatisfy(m -> assertThat(m.account()).isEmpty());
        assertThat(diagnosis.findings()).filteredOn(f -> StubWorld.MEMBER.equals(f.evidence().get("failingAccount")))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.evidence().get("peakTokensPerMinute")).isIn(null, 210000L));
    }

    @Test
    void aSilentStsEndpointSpendsTheRunsBudgetNotMore() {
        CollectionSettings budget = everywhere().withTimeouts(1, Duration.ofSeconds(20), Duration.ofSeconds(20))
                .withRunBudget(Duration.ofSeconds(2));
        long start = System.nanoTime();

        Capture capture = collect(new StubAws(StubWorld.home(REGIONS)).fault(StubFault.slow("GetCallerIdentity", 15_000)),
                budget);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the identity call lives inside the budget")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(gaps(capture)).anySatisfy(g -> {
            assertThat(g.source()).isEqualTo("GetCallerIdentity");
            assertThat(g.code()).isEqualTo("Timeout");
        });
    }

    @Test
    void aRoleThatCannotBeAssumedCostsOnlyItsAccount() {
        StubAccount member = StubAccount.member(StubWorld.MEMBER);
        REGIONS.forEach(r -> StubCatalogue.fill(member.region(r)));
        String missing = "arn:aws:iam::777788889999:role/quota-doctor-read";
        CollectionSettings settings = everywhere().withRoles(List.of(member.roleArn(), missing));

        Capture capture = collect(new StubAws(StubWorld.home(REGIONS), member), settings);

        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.source()).isEqualTo("AssumeRole");
            assertThat(g.code()).isEqualTo("AccessDenied");
            assertThat(g.account()).contains("777788889999");
            assertThat(g.message()).contains(missing);
        });
        var east = capture.regions().get("us-east-1").evidence();
        assertThat(east.quotasFor(Optional.of(StubWorld.MEMBER))).isNotEmpty()
                .allSatisfy(q -> assertThat(q.account()).contains(StubWorld.MEMBER));
        assertThat(east.quota(StubWorld.QUOTA_CODE, Optional.of(StubWorld.HOME)))
                .hasValueSatisfying(q -> assertThat(q.applied()).contains(2_000_000.0));
        assertThat(east.quota(StubWorld.QUOTA_CODE, Optional.of(StubWorld.MEMBER)))
                .hasValueSatisfying(q -> assertThat(q.applied()).contains(200_000.0));
        Diagnosis diagnosis = diagnose(capture);
        theMisalignmentIsStillFound(diagnosis);
        assertThat(incompleteEvidence(diagnosis).remediation()).anySatisfy(step ->
                assertThat(step.action()).contains("read-only role in account 777788889999"));
    }

    @Test
    void aHistoryItemWithoutItsQuotaCodeIsAGapNamingTheFieldNotACrash() {
        Capture capture = collect(StubFault.answering("ListRequestedServiceQuotaChangeHistory",
                "{\"RequestedQuotas\": [{\"Id\": \"c1\", \"ServiceCode\": \"bedrock\", \"DesiredValue\": 10, "
                        + "\"Status\": \"APPROVED\"}]}").inRegion("us-east-1"));

        assertThat(gaps(capture)).singleElement().satisfies(g -> {
            assertThat(g.source()).isEqualTo("ListRequestedServiceQuotaChangeHistory");
            assertThat(g.code()).isEqualTo("MalformedResponse");
            assertThat(g.message()).isEqualTo("QuotaCode: missing");
            assertThat(g.regions()).containsExactly("us-east-1");
        });
    }

    @Test
    void aQuotaWithoutItsQuotaCodeIsAGapNamingTheFieldNotACrash() {
        Capture capture = collect(StubFault.answering("ListServiceQuotas",
                "{\"Quotas\": [{\"ServiceCode\": \"bedrock\", \"QuotaName\": \"x\", \"Value\": 1.0}]}")
                .inRegion("us-west-2"));

        assertThat(gaps(capture)).extracting(EvidenceGap::code).contains("MalformedResponse");
        assertThat(gaps(capture)).filteredOn(g -> g.code().equals("MalformedResponse"))
                .allSatisfy(g -> assertThat(g.message()).isEqualTo("QuotaCode: missing"));
        assertThat(diagnose(capture).findings()).isNotEmpty();
    }
}
