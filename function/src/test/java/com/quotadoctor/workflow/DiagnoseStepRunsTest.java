package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.stub.LocalDynamo;
import com.quotadoctor.trigger.EventTable;
import com.quotadoctor.workflow.aws.DynamoDbRunLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At most one running diagnosis per situation, on AWS's own DynamoDB Local: an alarm storm starts one run, which
 * reads the evidence once; the same event retried is the same run; a waiting loop holds its situation on.
 */
class DiagnoseStepRunsTest {

    private static LocalDynamo dynamo;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeAll
    static void start() {
        dynamo = new LocalDynamo();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @BeforeEach
    void empty() {
        dynamo.clear();
    }

    private DiagnoseStep step(String snapshot) {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new DiagnoseStep(request -> {
            reads.incrementAndGet();
            return new SnapshotReader().read(EventTable.EVENTS.resolve("snapshots").resolve(snapshot));
        }, MemberEvidence.NONE, new DynamoDbRunLedger(dynamo.client(), LocalDynamo.TABLE), clock,
                Diagnostician.standard(), Configuration.local(), new Telemetry() {
        });
    }

    private static String event(String file) {
        return EventTable.rows().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow().text();
    }

    /** Another delivery of the same alarm: EventBridge gives each its own id. */
    private static String delivery(String event, int n) {
        return event.replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"c4c1c1c9-6542-e61b-6ef0-" + String.format("%012d", n) + "\"");
    }

    @Test
    void anAlarmStormStartsOneDiagnosisThatReadsTheEvidenceOnce() throws Exception {
        DiagnoseStep step = step("region-mismatch.json");
        String alarm = event("cloudwatch-alarm-throttles.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<StepOutcome>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String each = delivery(alarm, i);
            runs.add(pool.submit(() -> step.run(each)));
        }
        List<StepOutcome> outcomes = new java.util.ArrayList<>();
        for (Future<StepOutcome> run : runs) {
            outcomes.add(run.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(o -> o instanceof StepOutcome.Diagnosed).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof StepOutcome.Skipped).hasSize(39)
                .allSatisfy(o -> assertThat(o.toJson().path("skipped").asText())
                        .startsWith("a diagnosis of this situation (").contains("already running"));
        assertThat(reads).hasValue(1);
    }

    @Test
    void theSameEventRetriedIsTheSameRunAndAPersonsOnDemandRunAlwaysRuns() {
        DiagnoseStep step = step("region-mismatch.json");
        String alarm = event("cloudwatch-alarm-throttles.json");

        assertThat(step.run(alarm)).isInstanceOf(StepOutcome.Diagnosed.class);
        assertThat(step.run(alarm)).as("the workflow's retry of the same task").isInstanceOf(StepOutcome.Diagnosed.class);
        assertThat(step.run(event("on-demand.json"))).isInstanceOf(StepOutcome.Diagnosed.class);
        assertThat(step.run(event("on-demand.json"))).isInstanceOf(StepOutcome.Diagnosed.class);
    }

    @Test
    void aClaimLapsesSoonAfterARunEndsButAWaitingRunHoldsItTillAfterItsNextLook() throws Exception {
        String alarm = event("cloudwatch-alarm-throttles.json");
        DiagnoseStep ending = step("region-mismatch.json");
        StepOutcome first = ending.run(delivery(alarm, 1));
        assertThat(first.toJson().has("nextCheckSeconds")).isFalse();
        now.set(now.get().plus(DiagnoseStep.CLAIM).plusSeconds(1));
        assertThat(ending.run(delivery(alarm, 2))).as("the storm's window has passed").isInstanceOf(StepOutcome.Diagnosed.class);

        dynamo.clear();
        // the scheduled diagnosis of the configured workload, whose evidence shows an approval still applying
        String schedule = event("scheduled-event.json");
        DiagnoseStep waiting = step("propagation-pending.json");
        JsonNode looked = waiting.run(delivery(schedule, 3)).toJson();
        long next = looked.path("nextCheckSeconds").asLong();
        assertThat(next).isPositive();
        assertThat(looked.path("situation").asText()).matches("[0-9a-f]{32}");
        now.set(now.get().plusSeconds(next));
        assertThat(waiting.run(delivery(schedule, 4))).as("the run waits on: nothing new starts").isInstanceOf(StepOutcome.Skipped.class);

        JsonNode again = waiting.run(JsonTree.compact(looked)).toJson();
        assertThat(again.path("situation").asText()).as("the loop carries its claim").isEqualTo(looked.path("situation").asText());
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> held = dynamo.client().getItem(b -> b
                .tableName(LocalDynamo.TABLE).key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS(DynamoDbRunLedger.PREFIX + looked.path("situation").asText())))).item();
        assertThat(Long.parseLong(held.get("expiresAt").n())).as("held till after the next look")
                .isGreaterThanOrEqualTo(now.get().plusSeconds(again.path("nextCheckSeconds").asLong()).plus(Duration.ofMinutes(15))
                        .getEpochSecond());
    }
}
