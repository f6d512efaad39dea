package com.quotadoctor.handler;

import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.trigger.EventTable;
import com.quotadoctor.workflow.Configuration;
import com.quotadoctor.workflow.DiagnoseStep;
import com.quotadoctor.workflow.Telemetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Diagnose handler on every event in events/, as the console or the workflow would send it. */
class DiagnoseHandlerTest {

    private static final SnapshotReader SNAPSHOTS = new SnapshotReader();

    static List<EventTable> table() {
        return EventTable.rows();
    }

    private static JsonNode invoke(String event, String snapshot) throws IOException {
        DiagnoseStep step = new DiagnoseStep(request -> SNAPSHOTS.read(EventTable.EVENTS.resolve("snapshots")
                .resolve(snapshot)), Diagnostician.standard(), Configuration.local(), Telemetry.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DiagnoseHandler(step, () -> { }).handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestContext());
        return JsonTree.parse(out.toString(StandardCharsets.UTF_8));
    }

    /** Every event file loads as a Lambda test event and gets an answer, never an error. */
    @ParameterizedTest
    @Events(folder = "events", type = Map.class)
    void everyEventFileGetsAnAnswer(Map<String, Object> event) throws IOException {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(event);

        JsonNode result = invoke(json, "region-mismatch.json");

        assertThat(result.has("error")).as(json).isFalse();
        assertThat(result.has("verdict") || result.has("skipped")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("table")
    void everyEventHasTheOutcomeTheTableSays(EventTable row) throws IOException {
        JsonNode result = invoke(row.text(), row.snapshot());

        assertThat(result.path("trigger").asText()).isEqualTo(row.trigger());
        if (row.result().equals("skipped")) {
            assertThat(result.path("skipped").asText()).isNotBlank();
            assertThat(result.has("notification")).isFalse();
        } else {
            assertThat(result.path("verdict").asText()).isEqualTo(row.result());
            JsonNode n = result.path("notification");
            assertThat(n.path("subject").asText()).startsWith(row.result()).hasSizeLessThan(100)
                    .matches("[\\x20-\\x7E]+");
            assertThat(n.path("text").asText()).startsWith("Quota Doctor verdict: " + row.result());
            assertThat(n.path("attributes").path("verdict").asText()).isEqualTo(row.result());
            assertThat(JsonTree.parse(n.path("chat").asText()).path("content").path("title").asText())
                    .startsWith(row.result());
            assertThat(result.path("attempt").asInt()).isEqualTo(row.attempt().orElse(1));
        }
    }

    @Test
    void waitingVerdictsCarryTheNextCheckAndTheLoopBacksOff() throws IOException {
        JsonNode first = invoke(EventTable.rows().stream().filter(r -> r.file().equals("quota-request-status-change.json"))
                .findFirst().orElseThrow().text(), "propagation-pending.json");

        JsonNode second = invoke(JsonTree.compact(first), "propagation-pending.json");

        assertThat(first.path("nextCheckSeconds").asLong()).isEqualTo(300);
        assertThat(second.path("attempt").asInt()).isEqualTo(2);
        assertThat(second.path("nextCheckSeconds").asLong()).isEqualTo(600);
        assertThat(second.path("deadline").asText()).isEqualTo(first.path("deadline").asText());
        assertThat(second.path("fingerprint").asText()).isEqualTo(first.path("fingerprint").asText());
    }

    @Test
    void aMalformedEventIsAnErrorResultNotAnException() throws IOException {
        JsonNode result = invoke("{\"detail-type\": \"CloudWatch Alarm State Change\", \"source\": \"aws.cloudwatch\"}",
                "region-mismatch.json");

        assertThat(result.path("error").asText()).isEqualTo("detail: is required");
        assertThat(result.has("notification")).isFalse();
    }

    @Test
    void aHugePayloadIsRefusedUnread() throws IOException {
        JsonNode result = invoke("{\"x\":\"" + "y".repeat(2 << 20) + "\"}", "region-mismatch.json");

        assertThat(result.path("error").asText()).contains("larger than");
    }
}
