package com.quotadoctor.watch;

import com.quotadoctor.evidence.aws.AwsClients;
import com.quotadoctor.evidence.aws.RequestHistoryReader;
import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.LocalDynamo;
import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubCatalogue;
import com.quotadoctor.stub.StubFault;
import com.quotadoctor.stub.StubWorld;
import com.quotadoctor.watch.aws.DynamoDbStatusLedger;
import com.quotadoctor.watch.aws.EventBridgeStatusEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduled sweep against Service Quotas and EventBridge at the wire, its state in DynamoDB Local. */
class RequestWatcherTest {

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2");
    private static final String PENDING = "req-pending";
    private static final String FRESH = "req-fresh";
    private static LocalDynamo dynamo;

    private StubAccount home;
    private StubAws aws;
    private AwsClients clients;
    private EventBridgeClient events;
    private RequestWatcher watcher;

    @BeforeAll
    static void startDynamo() {
        dynamo = new LocalDynamo();
    }

    @AfterAll
    static void stopDynamo() {
        dynamo.close();
    }

    @BeforeEach
    void start() {
        dynamo.clear();
        home = StubWorld.home(REGIONS);
        String name = "Cross-region model inference tokens per minute for Anthropic Claude Haiku 4.5";
        home.region("us-west-2")
                .request(PENDING, StubCatalogue.code(name), name, 3_000_000, "PENDING",
                        StubWorld.NOW.minus(Duration.ofHours(5)), StubWorld.NOW.minus(Duration.ofHours(5)))
                .request(FRESH, StubWorld.QUOTA_CODE, StubWorld.QUOTA_NAME, 800_000, "APPROVED",
                        StubWorld.NOW.minus(Duration.ofHours(3)), StubWorld.NOW.minus(Duration.ofHours(1)));
        aws = new StubAws(home);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(StubAws.HOME_KEY, "s"));
        clients = new AwsClients(StubWorld.settings(REGIONS), Optional.of(aws.endpoint()));
        events = EventBridgeClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        watcher = new RequestWatcher(new RequestHistoryReader(clients, credentials)::read,
                new DynamoDbStatusLedger(dynamo.client(), LocalDynamo.TABLE),
                new EventBridgeStatusEvents(events, "default"), StubWorld.CLOCK, Duration.ofHours(24));
    }

    @AfterEach
    void stop() {
        events.close();
        clients.close();
        aws.close();
    }

    @Test
    void theFirstSweepAnnouncesOnlyWhatMattersNow() {
        WatchReport report = watcher.sweep(REGIONS);

        assertThat(report.requests()).isEqualTo(StubWorld.REQUESTS + 2);
        assertThat(report.emitted()).extracting(StatusChange::requestId).containsExactlyInAnyOrder(PENDING, FRESH);
        assertThat(aws.events()).hasSize(2).allSatisfy(e -> {
            assertThat(e.path("Source").asText()).isEqualTo("quota-doctor");
            assertThat(e.path("DetailType").asText()).isEqualTo("Bedrock Quota Request Status Change");
            assertThat(e.path("EventBusName").asText()).isEqualTo("default");
        });
        assertThat(report.gaps()).isEmpty();
    }

    @Test
    void anUnchangedHistoryAnnouncesNothing() {
        watcher.sweep(REGIONS);

        WatchReport second = watcher.sweep(REGIONS);

        assertThat(second.emitted()).isEmpty();
        assertThat(aws.events()).hasSize(2);
    }

    @Test
    void aStatusChangeIsAnnouncedOnceWithThePreviousStatus() throws Exception {
        watcher.sweep(REGIONS);
        home.region("us-west-2").requests().stream().filter(r -> r.path("Id").asText().equals(PENDING))
                .forEach(r -> r.put("Status", "CASE_OPENED"));

        WatchReport report = watcher.sweep(REGIONS);
        watcher.sweep(REGIONS);

        assertThat(report.emitted()).singleElement().satisfies(c -> {
            assertThat(c.requestId()).isEqualTo(PENDING);
            assertThat(c.previousStatus()).contains("PENDING");
            assertThat(c.status()).isEqualTo("CASE_OPENED");
        });
        var detail = com.quotadoctor.json.JsonTree.parse(aws.events().get(2).path("Detail").asText());
        assertThat(detail.path("previousStatus").asText()).isEqualTo("PENDING");
        assertThat(detail.path("region").asText()).isEqualTo("us-west-2");
        assertThat(detail.path("account").asText()).isEqualTo(StubWorld.HOME);
        assertThat(aws.events()).hasSize(3);
    }

    @Test
    void aChangeThatCannotBeAnnouncedIsAnnouncedByTheNextSweep() {
        aws.fault(StubFault.serverError("PutEvents").times(1));

        WatchReport failed = watcher.sweep(REGIONS);
        WatchReport next = watcher.sweep(REGIONS);

        assertThat(failed.undelivered()).hasSize(2);
        assertThat(next.emitted()).extracting(StatusChange::requestId).containsExactlyInAnyOrder(PENDING, FRESH);
        assertThat(next.emitted()).allSatisfy(c -> assertThat(c.previousStatus()).isEmpty());
    }

    @Test
    void anAppliedValueAwsLoweredIsAnnouncedOnceAsItsOwnEvent() throws Exception {
        watcher.sweep(REGIONS); // us-east-1 applies 2,000,000 for the quota its approvals raised
        home.region("us-east-1").applied(StubWorld.QUOTA_CODE, 500_000);

        WatchReport lowered = watcher.sweep(REGIONS);
        WatchReport after = watcher.sweep(REGIONS);

        assertThat(lowered.lowered()).singleElement().satisfies(l -> {
            assertThat(l.quotaCode()).isEqualTo(StubWorld.QUOTA_CODE);
            assertThat(l.region()).isEqualTo("us-east-1");
            assertThat(l.from()).isEqualTo(2_000_000);
            assertThat(l.to()).isEqualTo(500_000);
        });
        assertThat(after.lowered()).as("announced once").isEmpty();
        List<com.fasterxml.jackson.databind.JsonNode> announced = aws.events().stream()
                .filter(e -> e.path("DetailType").asText().equals("Bedrock Quota Value Lowered")).toList();
        assertThat(announced).hasSize(1);
        // what the watcher sends is what the workflow's trigger reads: the fall reaches the diagnosis as a fact
        var event = com.quotadoctor.json.JsonTree.NODES.objectNode().put("version", "0").put("id", "e")
                .put("detail-type", announced.get(0).path("DetailType").asText())
                .put("source", announced.get(0).path("Source").asText()).put("account", StubWorld.HOME)
                .put("time", "2026-11-25T10:00:00Z").put("region", "us-east-1");
        event.set("detail", com.quotadoctor.json.JsonTree.parse(announced.get(0).path("Detail").asText()));
        var trigger = (com.quotadoctor.trigger.Trigger.Diagnose) new com.quotadoctor.trigger.TriggerParser()
                .parse(com.quotadoctor.json.JsonTree.compact(event));
        assertThat(trigger.request().lowered()).contains(lowered.lowered().get(0));
        assertThat(trigger.request().regions()).containsExactly("us-east-1");
    }

    @Test
    void aFallThatCannotBeAnnouncedIsAnnouncedByTheNextSweep() {
        watcher.sweep(REGIONS);
        home.region("us-east-1").applied(StubWorld.QUOTA_CODE, 500_000);
        aws.fault(StubFault.serverError("PutEvents").times(1));

        WatchReport failed = watcher.sweep(REGIONS);
        WatchReport next = watcher.sweep(REGIONS);

        assertThat(failed.loweredUndelivered()).hasSize(1);
        assertThat(next.lowered()).singleElement().satisfies(l -> assertThat(l.from()).isEqualTo(2_000_000));
    }

    @Test
    void anApprovalNotYetAppliedIsReportedAsDrift() {
        WatchReport report = watcher.sweep(REGIONS);

        // us-east-1's approval applied 2,000,000; us-west-2's fresh one still applies the default 200,000
        assertThat(report.drift()).singleElement().satisfies(d -> {
            assertThat(d.requestId()).isEqualTo(FRESH);
            assertThat(d.appliedValue()).isEqualTo(200_000);
            assertThat(d.desiredValue()).isEqualTo(800_000);
        });
    }

    @Test
    void aSweepThatDiesBeforeItsEventsAreAcceptedLosesNoAnnouncement() {
        StatusEvents dying = changes -> {
            throw new IllegalStateException("the function timed out");
        };
        RequestWatcher crashing = new RequestWatcher(new RequestHistoryReader(clients, LiveRun.credentials())::read,
                new DynamoDbStatusLedger(dynamo.client(), LocalDynamo.TABLE), dying, StubWorld.CLOCK, Duration.ofHours(24));

        assertThatThrownBy(() -> crashing.sweep(REGIONS)).hasMessageContaining("timed out");
        WatchReport next = watcher.sweep(REGIONS);
        WatchReport after = watcher.sweep(REGIONS);

        assertThat(next.emitted()).extracting(StatusChange::requestId).containsExactlyInAnyOrder(PENDING, FRESH);
        assertThat(after.emitted()).as("announced once").isEmpty();
    }

    @Test
    void memberAccountsAreSweptThroughTheirRolesAndARefusedRoleIsOneGap() {
        StubAccount member = StubAccount.member(StubWorld.MEMBER);
        REGIONS.forEach(r -> StubCatalogue.fill(member.region(r)));
        String name = "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1";
        member.region("us-west-2").request("member-pending", StubCatalogue.code(name), name, 4_000_000, "PENDING",
                StubWorld.NOW.minus(Duration.ofHours(2)), StubWorld.NOW.minus(Duration.ofHours(2)));
        String missing = "arn:aws:iam::777788889999:role/quota-doctor-read";
        try (StubAws both = new StubAws(home, member);
             AwsClients shared = new AwsClients(StubWorld.settings(REGIONS), Optional.of(both.endpoint()));
             EventBridgeClient bus = EventBridgeClient.builder().endpointOverride(both.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(LiveRun.credentials()).build()) {
            RequestWatcher everywhere = new RequestWatcher(new RequestHistoryReader(shared, LiveRun.credentials(),
                    "us-east-1", List.of(member.roleArn(), missing))::read,
                    new DynamoDbStatusLedger(dynamo.client(), LocalDynamo.TABLE),
                    new EventBridgeStatusEvents(bus, "default"), StubWorld.CLOCK, Duration.ofHours(24));

            WatchReport report = everywhere.sweep(REGIONS);

            assertThat(report.emitted()).extracting(StatusChange::requestId).contains("member-pending", PENDING, FRESH);
            assertThat(report.emitted()).filteredOn(c -> c.requestId().equals("member-pending")).singleElement()
                    .satisfies(c -> assertThat(c.account()).contains(StubWorld.MEMBER));
            assertThat(report.gaps()).singleElement().satisfies(g -> {
                assertThat(g.source()).isEqualTo("AssumeRole");
                assertThat(g.message()).contains(missing);
            });
            assertThat(both.calls("AssumeRole")).as("each role once per sweep, not once per region").isEqualTo(2);
        }
    }

    @Test
    void recordingAStatusTwiceAsARetriedCallWouldIsHarmless() {
        DynamoDbStatusLedger ledger = new DynamoDbStatusLedger(dynamo.client(), LocalDynamo.TABLE);

        ledger.record("r1", "PENDING", StubWorld.NOW);
        ledger.record("r1", "PENDING", StubWorld.NOW);

        assertThat(ledger.last("r1")).contains("PENDING");
        assertThat(ledger.last("r2")).isEmpty();
    }

    @Test
    void aRegionWithFewRequestsReadsTheirQuotasByCodeAndOneWithManyReadsTheList() {
        watcher.sweep(REGIONS);

        // us-west-2: two requests, two quotas read one by one; us-east-1: 130 requests for 40 quotas, the list
        assertThat(aws.calls(StubWorld.HOME, "us-west-2", "GetServiceQuota")).isEqualTo(2);
        assertThat(aws.calls(StubWorld.HOME, "us-west-2", "ListServiceQuotas")).isZero();
        assertThat(aws.calls(StubWorld.HOME, "us-east-1", "GetServiceQuota")).isZero();
        assertThat(aws.calls(StubWorld.HOME, "us-east-1", "ListServiceQuotas")).isPositive();
    }

    @Test
    void aRegionThatCannotBeReadIsAGapAndTheOthersAreSwept() {
        aws.fault(StubFault.error("ListRequestedServiceQuotaChangeHistory", 400, "AccessDeniedException", "denied")
                .inRegion("us-east-1"));

        WatchReport report = watcher.sweep(REGIONS);

        assertThat(report.gaps()).singleElement().satisfies(g -> assertThat(g.region()).isEqualTo("us-east-1"));
        assertThat(report.emitted()).extracting(StatusChange::requestId).containsExactlyInAnyOrder(PENDING, FRESH);
    }
}
