package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.evidence.aws.CollectionSettings;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.SizeBudget;
import com.quotadoctor.notification.aws.SnsPublisherProbe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The largest request the trigger accepts (the most model ids, each at AWS's 2,048-character limit, every region, an
 * error message far past its bound) diagnosed end to end: the Diagnose state and the SNS message, attributes included,
 * each fit 256 KiB with the request's every field inside it.
 */
class LongestIdsBudgetTest {

    private static String largestEvent() {
        ObjectNode event = JsonTree.NODES.objectNode();
        event.put("account", "111122223333");
        ArrayNode regions = event.putArray("regions");
        CollectionSettings.BEDROCK_REGIONS.forEach(regions::add);
        ArrayNode models = event.putArray("modelIds");
        for (int i = 0; i < DiagnosisRequest.MOST_MODELS; i++) {
            String head = "us.anthropic.claude-sonnet-4-5-20250929-v1:" + i + "-";
            models.add(head + "x".repeat(2_048 - head.length()));
        }
        event.putObject("error").put("code", "ThrottlingException").put("message", "Too many tokens " + "é".repeat(100_000));
        return JsonTree.compact(event);
    }

    @Test
    void theLargestAcceptedRequestFitsTheStateAndTheMessage() throws Exception {
        String event = largestEvent();
        assertThat(SizeBudget.bytes(event)).isGreaterThan(240_000);
        DiagnoseStep step = new DiagnoseStep(request -> new SnapshotReader().read(
                Path.of("..", "events", "snapshots", "region-mismatch.json")), Diagnostician.standard(),
                Configuration.local(), Telemetry.NONE);

        StepOutcome outcome = step.run(event);

        assertThat(outcome).isInstanceOf(StepOutcome.Diagnosed.class);
        String state = JsonTree.compact(outcome.toJson());
        assertThat(SizeBudget.bytes(state)).isLessThanOrEqualTo(StepOutcome.Diagnosed.STATE_BUDGET);
        var request = JsonTree.parse(state).get("request");
        assertThat(request.get("modelIds")).hasSize(DiagnosisRequest.MOST_MODELS);
        assertThat(request.get("error").get("message").asText()).hasSize(1_000);
        var diagnosed = (StepOutcome.Diagnosed) outcome;
        assertThat(SnsPublisherProbe.wholeMessageBytes(diagnosed.notification(), JsonTree.compact(
                com.quotadoctor.notification.DiagnosisJson.toTree(diagnosed.diagnosis())))).isLessThanOrEqualTo(SizeBudget.LIMIT);
    }

    @Test
    void oneModelIdMoreIsRefusedAsBadInput() {
        ObjectNode event = JsonTree.NODES.objectNode();
        ArrayNode models = event.putArray("modelIds");
        for (int i = 0; i <= DiagnosisRequest.MOST_MODELS; i++) {
            models.add("us.anthropic.claude-sonnet-4-5-20250929-v1:" + i);
        }
        StepOutcome outcome = new DiagnoseStep(request -> {
            throw new AssertionError("no evidence is read for a refused event");
        }, Diagnostician.standard(), Configuration.local(), Telemetry.NONE).run(JsonTree.compact(event));

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Rejected.class, r -> assertThat(r.reason())
                .contains("at most " + DiagnosisRequest.MOST_MODELS + " model ids per diagnosis, got 21"));
    }
}
