package com.quotadoctor.evidence.aws;

import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubWorld;

import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.evidence.SnapshotWriter;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.notification.DiagnosisJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A realistic account: 17 regions, 1,000+ Bedrock quotas in each, behind a stub that throttles exactly as
 * AWS's published rates do. Collection makes the fewest calls the data allows and is never throttled;
 * the capture, written and replayed, diagnoses exactly as the live run did.
 */
class LiveCollectionScaleTest {

    private static StubAws aws;
    private static Capture capture;
    private static int catalogue;

    @BeforeAll
    static void collect() {
        StubAccount home = StubWorld.home(CollectionSettings.BEDROCK_REGIONS);
        catalogue = home.region("eu-north-1").defaults().size();
        aws = new StubAws(home).enforcingPublishedRates();
        capture = LiveRun.collect(aws, StubWorld.settings(CollectionSettings.BEDROCK_REGIONS));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void theCatalogueIsRealistic() {
        assertThat(catalogue).isGreaterThanOrEqualTo(1_000);
        assertThat(capture.regions()).hasSize(17);
        // the catalogue is read where it matters: the request's region and the failing calls' region
        assertThat(capture.regions().values()).filteredOn(r -> !r.evidence().quotas().isEmpty())
                .extracting(r -> r.region()).containsExactlyInAnyOrder(StubWorld.APPROVED_IN, StubWorld.FAILING_IN);
        assertThat(capture.regions().get(StubWorld.FAILING_IN).evidence().quotas()).hasSize(catalogue);
        assertThat(capture.regions().values()).filteredOn(r -> r.evidence().quotas().isEmpty())
                .allSatisfy(r -> assertThat(r.notNeeded()).hasSize(2));
    }

    @Test
    void callsPerOperationAreTheMinimumTheDataNeeds() {
        int quotaPages = (catalogue + 99) / 100;
        int regions = 17;
        assertThat(aws.callsPerOperation()).isEqualTo(Map.of(
                "GetCallerIdentity", 1,
                // phase 2 only where there is something to judge (the request's region and the failing calls'):
                // the default catalogue, and the applied values of the quotas governing the calls and requests
                "GetServiceQuota", readByCode(),
                "ListAWSDefaultServiceQuotas", 2 * quotaPages,
                // 130 requests in us-east-1 need 2 pages; an empty history still needs its one call
                "ListRequestedServiceQuotaChangeHistory", regions + 1,
                // 130 events in us-west-2 in pages of 50
                "LookupEvents", regions + 2,
                // one call per region carries every series of the named model
                "GetMetricData", regions));
    }

    private static int readByCode() {
        return capture.regions().values().stream().mapToInt(r -> r.readByCode().size()).sum();
    }

    @Test
    void phaseTwoReadsOnlyTheQuotasThatGovernTheCallsAndTheRequestsForThem() {
        // us. Sonnet 4.5: its cross-region tokens and requests per minute and tokens per day; the on-demand requests
        // for it (one mismatch short of target) are judged too; the 120 requests for other models are not
        assertThat(capture.regions().get(StubWorld.FAILING_IN).readByCode()).contains(StubWorld.QUOTA_CODE)
                .hasSizeBetween(3, 5);
        assertThat(capture.regions().get(StubWorld.APPROVED_IN).readByCode())
                .isEqualTo(capture.regions().get(StubWorld.FAILING_IN).readByCode());
    }

    @Test
    void readingByCodeDiagnosesExactlyAsReadingTheWholeCatalogue() {
        Capture whole;
        try (StubAws full = new StubAws(StubWorld.home(CollectionSettings.BEDROCK_REGIONS))) {
            whole = LiveRun.collect(full, StubWorld.settings(CollectionSettings.BEDROCK_REGIONS)
                    .withQuotasEverywhere(true));
        }
        assertThat(whole.regions().values()).allSatisfy(r -> assertThat(r.readByCode()).isEmpty());

        assertThat(DiagnosisJson.write(Diagnostician.standard().diagnose(capture.request(), capture.evidence())))
                .isEqualTo(DiagnosisJson.write(Diagnostician.standard().diagnose(whole.request(), whole.evidence())));
    }

    @Test
    void aStubEnforcingThePublishedRatesThrottlesNothing() {
        assertThat(aws.throttledCalls()).isZero();
        assertThat(capture.evidence().allGaps()).isEmpty();
    }

    @Test
    void aReplayedCaptureDiagnosesExactlyAsTheLiveRun() {
        String live = DiagnosisJson.write(Diagnostician.standard().diagnose(capture.request(), capture.evidence()));

        Snapshot replayed = new SnapshotReader().read(new SnapshotWriter().write(capture));

        assertThat(DiagnosisJson.write(Diagnostician.standard().diagnose(replayed.request(), replayed.evidence())))
                .isEqualTo(live)
                .contains("\"verdict\" : \"REGION_MISMATCH\"");
    }
}
