package com.quotadoctor.evidence.aws;

import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubCatalogue;
import com.quotadoctor.stub.StubWorld;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.diagnosis.FindingCode;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.RegionEvidence;
import com.quotadoctor.evidence.Capture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Live collection against AWS's wire formats: every operation, every page, the evidence it yields. */
class LiveCollectorTest {

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");

    private StubAws aws;
    private AwsClients clients;

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    private Capture collect(StubAws stub, CollectionSettings settings) {
        aws = stub;
        return LiveRun.collect(stub, settings);
    }

    @Test
    void readsEveryOperationToItsLastPage() {
        StubAccount home = StubWorld.home(REGIONS);
        int catalogue = home.region("eu-west-1").defaults().size();

        Capture capture = collect(new StubAws(home).withMetricPointsPerPage(100), StubWorld.settings(REGIONS));

        assertThat(capture.caller()).hasValueSatisfying(c -> assertThat(c.account()).isEqualTo(StubWorld.HOME));
        assertThat(capture.gaps()).isEmpty();
        assertThat(capture.regions()).containsOnlyKeys("us-west-2", "us-east-1", "eu-west-1");
        RegionEvidence east = capture.regions().get("us-east-1").evidence();
        assertThat(east.collected()).containsExactlyInAnyOrder(EvidenceSection.SERVICE_QUOTAS,
                EvidenceSection.DEFAULT_QUOTAS, EvidenceSection.REQUESTED_CHANGES, EvidenceSection.METRICS,
                EvidenceSection.FAILED_CALLS);
        assertThat(east.quotas()).hasSize(catalogue);
        assertThat(east.quota(StubWorld.QUOTA_CODE)).hasValueSatisfying(q -> {
            assertThat(q.applied()).contains(2_000_000.0);
            assertThat(q.awsDefault()).contains(200_000.0);
            assertThat(q.account()).contains(StubWorld.HOME);
        });
        assertThat(east.requests()).hasSize(StubWorld.REQUESTS)
                .filteredOn(r -> r.id().equals("req-approved")).singleElement()
                .satisfies(r -> assertThat(r.rawStatus()).isEqualTo("APPROVED"));
        RegionEvidence west = capture.regions().get("us-west-2").evidence();
        assertThat(west.failedCalls()).hasSize(StubWorld.FAILED_CALLS).allSatisfy(c -> {
            assertThat(c.region()).isEqualTo("us-west-2");
            assertThat(c.account()).contains(StubWorld.HOME);
            assertThat(c.modelId()).contains(StubWorld.MODEL);
            assertThat(c.principalArn()).contains("arn:aws:sts::111122223333:assumed-role/app/i-0abc");
            assertThat(c.errorMessage()).contains("Too many tokens, please wait before trying again.");
        });
        assertThat(west.metrics()).extracting(m -> m.metricName() + " " + m.values().size())
                .containsExactlyInAnyOrder("Invocations 60", "InvocationThrottles 60", "InputTokenCount 60",
                        "OutputTokenCount 60");
        assertThat(west.gaps()).isEmpty();
        // the default catalogue (1,000+ quotas in pages of 100) only where it matters (us-east-1: the request;
        // us-west-2: the failing calls), and there the applied values of the few quotas that govern, by code
        int pages = (catalogue + 99) / 100;
        assertThat(aws.calls("ListServiceQuotas")).isZero();
        assertThat(aws.calls("ListAWSDefaultServiceQuotas")).isEqualTo(2 * pages);
        Set<String> governing = capture.regions().get("us-west-2").readByCode();
        assertThat(governing).contains(StubWorld.QUOTA_CODE).hasSizeLessThan(pages);
        assertThat(aws.calls(StubWorld.HOME, "us-west-2", "GetServiceQuota")).isEqualTo(governing.size());
        assertThat(east.quotas()).filteredOn(q -> !q.appliedRead()).as("the quotas not read are unknown, not at default")
                .hasSize(catalogue - capture.regions().get("us-east-1").readByCode().size())
                .allSatisfy(q -> assertThat(q.effectiveValue()).isEmpty());
        // 130 requests; 130 events in pages of 50; 240 points in pages of 100
        RegionEvidence quiet = capture.regions().get("eu-west-1").evidence();
        assertThat(quiet.notNeeded()).containsExactlyInAnyOrder(EvidenceSection.SERVICE_QUOTAS, EvidenceSection.DEFAULT_QUOTAS);
        assertThat(quiet.gaps()).as("left unread on purpose, not a gap").isEmpty();
        assertThat(aws.calls(StubWorld.HOME, "us-east-1", "ListRequestedServiceQuotaChangeHistory")).isEqualTo(2);
        assertThat(aws.calls(StubWorld.HOME, "us-west-2", "LookupEvents")).isEqualTo(3);
        assertThat(aws.calls(StubWorld.HOME, "us-west-2", "GetMetricData")).isEqualTo(3);
        assertThat(aws.calls("GetCallerIdentity")).isEqualTo(1);
    }

    @Test
    void progressCountsEveryRegionReadOnceUpToTheTotal() {
        aws = new StubAws(StubWorld.home(REGIONS));
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        CollectionSettings settings = StubWorld.settings(REGIONS);
        try (AwsClients clients = new AwsClients(settings, Optional.of(aws.endpoint()))) {
            new LiveCollector(clients, LiveRun.credentials(), settings, StubWorld.CLOCK)
                    .collect(StubWorld.request(), (done, total) -> told.add(done + "/" + total));
        }
        assertThat(told).containsExactlyInAnyOrder("1/3", "2/3", "3/3");
    }

    @Test
    void aWaitingLoopsLaterLookReadsOnlyTheFailingCallsRegions() {
        aws = new StubAws(StubWorld.home(REGIONS));

        LiveRun.collect(aws, StubWorld.settings(REGIONS), StubWorld.request().inRegions(List.of("us-west-2")).nextAttempt());

        assertThat(aws.calls(StubWorld.HOME, "us-west-2", "ListRequestedServiceQuotaChangeHistory")).isPositive();
        for (String elsewhere : List.of("us-east-1", "eu-west-1")) {
            assertThat(aws.calls(StubWorld.HOME, elsewhere, "ListRequestedServiceQuotaChangeHistory")).isZero();
            assertThat(aws.calls(StubWorld.HOME, elsewhere, "LookupEvents")).isZero();
            assertThat(aws.calls(StubWorld.HOME, elsewhere, "GetMetricData")).isZero();
        }
    }

    @Test
    void anAccountWithNothingInViewReadsNoQuotaAndSaysSo() {
        StubAccount quiet = StubAccount.home(StubWorld.HOME);
        REGIONS.forEach(r -> StubCatalogue.fill(quiet.region(r)));

        aws = new StubAws(quiet);
        Capture capture = LiveRun.collect(aws, StubWorld.settings(REGIONS),
                com.quotadoctor.domain.DiagnosisRequest.empty().inRegions(List.of("us-west-2")));

        assertThat(aws.calls("ListServiceQuotas")).isZero();
        assertThat(aws.calls("GetServiceQuota")).isZero();
        assertThat(capture.regions().get("us-west-2").notNeeded()).contains(EvidenceSection.SERVICE_QUOTAS);
        Diagnosis d = Diagnostician.standard().diagnose(capture.request(), capture.snapshot().evidence());
        assertThat(d.evidenceGaps()).isEmpty();
        assertThat(d.top().title()).startsWith("Nothing to judge");
    }

    @Test
    void readsTheWholeCatalogueEverywhereToItsLastPageWhenAskedTo() {
        StubAccount home = StubWorld.home(REGIONS);
        int pages = (home.region("eu-west-1").defaults().size() + 99) / 100;

        Capture capture = collect(new StubAws(home), StubWorld.settings(REGIONS).withQuotasEverywhere(true));

        assertThat(aws.calls("GetServiceQuota")).isZero();
        assertThat(aws.calls("ListServiceQuotas")).isEqualTo(3 * pages);
        assertThat(aws.calls("ListAWSDefaultServiceQuotas")).isEqualTo(3 * pages);
        assertThat(capture.regions().values()).allSatisfy(r -> {
            assertThat(r.readByCode()).isEmpty();
            assertThat(r.evidence().quotas()).allMatch(q -> q.appliedRead());
        });
        assertThat(capture.gaps()).isEmpty();
    }

    @Test
    void theLiveDiagnosisFindsTheApprovalInAnotherRegion() {
        Capture capture = collect(new StubAws(StubWorld.home(REGIONS)), StubWorld.settings(REGIONS));

        Diagnosis diagnosis = Diagnostician.standard().diagnose(capture.request(), capture.evidence());

        assertThat(diagnosis.verdict()).isEqualTo(FindingCode.REGION_MISMATCH);
        assertThat(diagnosis.evidenceGaps()).isEmpty();
    }

    @Test
    void withoutAModelTheThrottledModelsAreDiscovered() {
        aws = new StubAws(StubWorld.home(REGIONS));
        CollectionSettings settings = StubWorld.settings(REGIONS);
        clients = new AwsClients(settings, Optional.of(aws.endpoint()));
        var noModel = new com.quotadoctor.domain.DiagnosisRequest(Optional.empty(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), com.quotadoctor.domain.ErrorSignal.NONE, 1, Optional.empty());

        Capture capture = LiveRun.collect(aws, settings, noModel);

        // every region asks Metrics Insights which models were throttled, then reads those models' series
        assertThat(aws.calls(StubWorld.HOME, "us-west-2", "GetMetricData")).isEqualTo(2);
        assertThat(aws.calls(StubWorld.HOME, "eu-west-1", "GetMetricData")).as("nothing throttled there").isEqualTo(1);
        assertThat(capture.regions().get("us-west-2").metrics()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.modelId()).isEqualTo(StubWorld.MODEL));
        assertThat(Diagnostician.standard().diagnose(capture.request(), capture.evidence()).verdict())
                .isEqualTo(FindingCode.REGION_MISMATCH);
    }

    @Test
    void moreSeriesThanOneCallCarriesAreSplitIntoBatchesOf500() {
        aws = new StubAws(StubWorld.home(REGIONS));
        CollectionSettings settings = StubWorld.settings(REGIONS);
        clients = new AwsClients(settings, Optional.of(aws.endpoint()));
        List<String> models = new java.util.ArrayList<>(List.of(StubWorld.MODEL));
        for (int i = 0; i < 89; i++) {
            models.add("amazon.stub-model-" + i + "-v1:0");
        }

        var read = new MetricsPort(clients, settings).series(Access.home(LiveRun.credentials()), "us-west-2", models,
                StubWorld.NOW);

        assertThat(read.complete()).isTrue();
        assertThat(aws.calls("GetMetricData")).isEqualTo(2); // 90 models × 6 metrics = 540 series
        assertThat(read.items()).hasSize(4).allSatisfy(m -> assertThat(m.modelId()).isEqualTo(StubWorld.MODEL));
    }

    @Test
    void aSweepNamingNothingFindsTheRegionThrottledOnlyInMetrics() {
        // CloudTrail kept no failed call (a busy workload's successes fill its pages); CloudWatch still counts throttles
        StubAccount home = StubWorld.home(REGIONS);
        REGIONS.forEach(r -> home.region(r).events().clear());

        aws = new StubAws(home);
        Capture capture = LiveRun.collect(aws, StubWorld.settings(REGIONS),
                com.quotadoctor.domain.DiagnosisRequest.forAccount(StubWorld.HOME));
        com.quotadoctor.diagnosis.Diagnosis d = com.quotadoctor.diagnosis.Diagnostician.standard()
                .diagnose(capture.request(), capture.evidence());

        assertThat(capture.evidence().failedCalls()).isEmpty();
        assertThat(d.verdict()).isEqualTo(com.quotadoctor.diagnosis.FindingCode.REGION_MISMATCH);
        assertThat(d.top().explanation()).contains("CloudWatch counts throttles of the " + StubWorld.MODEL
                + " calls in us-west-2");
    }

    @Test
    void cloudTrailFullOfSuccessesNoLongerHidesTheFailingRegion() {
        // 600 successful calls newer than the throttled ones: the 10 pages of 50 LookupEvents returns hold none of them
        StubAccount home = StubWorld.home(REGIONS);
        Instant newest = StubWorld.NOW.minusSeconds(1);
        for (int i = 0; i < 600; i++) {
            home.region("us-west-2").call(newest.minusMillis(90L * i), "InvokeModel", StubWorld.MODEL, null, null);
        }
        aws = new StubAws(home);

        Capture capture = LiveRun.collect(aws, StubWorld.settings(REGIONS),
                com.quotadoctor.domain.DiagnosisRequest.forAccount(StubWorld.HOME));
        com.quotadoctor.diagnosis.Diagnosis d = com.quotadoctor.diagnosis.Diagnostician.standard()
                .diagnose(capture.request(), capture.evidence());

        assertThat(capture.evidence().failedCalls()).as("pushed out of the pages read").isEmpty();
        assertThat(d.verdict()).isEqualTo(com.quotadoctor.diagnosis.FindingCode.REGION_MISMATCH);
        assertThat(d.top().evidence().get("regionConfirmedBy")).isEqualTo("AWS/Bedrock InvocationThrottles");
    }

    @Test
    void anIncreaseOnTheRuntimeQuotaWithCallsOnMantleIsAnEndpointMismatch() {
        // the team raised Opus 4.7's global TPM on bedrock-runtime; the app's OpenAI SDK calls go to bedrock-mantle,
        // whose inference CloudTrail logs as data events: only AWS/BedrockMantle shows them failing (codes illustrative)
        StubAccount home = StubWorld.home(REGIONS);
        String runtime = "Global cross-region model inference tokens per minute for Anthropic Claude Opus 4.7";
        String input = "Bedrock Mantle input tokens per minute for Anthropic Claude Opus 4.7";
        String output = "Bedrock Mantle output tokens per minute for Anthropic Claude Opus 4.7";
        String model = "anthropic.claude-opus-4-7";
        StubAccount.RegionData east = home.region("us-east-1")
                .quota("L-1A2B3C4D", runtime, 10_000_000.0, 2_000_000, true)
                .quota("L-5E6F7A8B", input, null, 20_000_000, true)
                .quota("L-9C0D1E2F", output, null, 4_000_000, true)
                .request("opus-runtime", "L-1A2B3C4D", runtime, 10_000_000, "APPROVED",
                        StubWorld.NOW.minus(java.time.Duration.ofDays(2)), StubWorld.NOW.minus(java.time.Duration.ofDays(2)));
        for (int m = 1; m <= 15; m++) {
            Instant t = StubWorld.NOW.minus(java.time.Duration.ofMinutes(m));
            east.metric(model, "Inferences", t, 300).metric(model, "TotalInputTokens", t, 18_500_000)
                    .metric(model, "TotalOutputTokens", t, 900_000).metric(model, "InferenceClientErrors", t, m <= 10 ? 40 : 0);
        }
        aws = new StubAws(home);

        Capture capture = LiveRun.collect(aws, StubWorld.settings(REGIONS),
                com.quotadoctor.domain.DiagnosisRequest.forAccount(StubWorld.HOME));
        com.quotadoctor.diagnosis.Diagnosis d = com.quotadoctor.diagnosis.Diagnostician.standard()
                .diagnose(capture.request(), capture.evidence());

        assertThat(capture.regions().get("us-east-1").metrics()).filteredOn(s -> s.modelId().equals(model))
                .extracting(com.quotadoctor.domain.MetricSeries::metricName)
                .containsExactlyInAnyOrder("Inferences", "InferenceClientErrors", "TotalInputTokens", "TotalOutputTokens");
        assertThat(d.findings()).filteredOn(f -> f.code() == FindingCode.ENDPOINT_MISMATCH).singleElement()
                .satisfies(f -> {
                    assertThat(f.region()).contains("us-east-1");
                    assertThat(f.title()).isEqualTo("Increase on the bedrock-runtime quota, calls go to bedrock-mantle");
                });
        assertThat(d.plan()).filteredOn(step -> step.quotaCode().map("L-5E6F7A8B"::equals).orElse(false))
                .isNotEmpty().allSatisfy(step -> assertThat(step.command()).as("no Service Quotas command for mantle").isEmpty());
        // the probe rides in the discovery call; mantle's models cost two calls where it erred and none elsewhere
        assertThat(aws.calls(StubWorld.HOME, "us-east-1", "GetMetricData")).isEqualTo(3);
        assertThat(aws.calls(StubWorld.HOME, "eu-west-1", "GetMetricData")).isEqualTo(1);
    }

    @Test
    void theServiceTierACallAskedForIsReadFromItsEvent() {
        StubAccount home = StubWorld.home(REGIONS);
        home.region("us-west-2").onTier("flex");
        aws = new StubAws(home);

        Capture capture = LiveRun.collect(aws, StubWorld.settings(REGIONS),
                com.quotadoctor.domain.DiagnosisRequest.forAccount(StubWorld.HOME));

        assertThat(capture.evidence().failedCalls()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.serviceTier()).contains("flex"));
    }
}
