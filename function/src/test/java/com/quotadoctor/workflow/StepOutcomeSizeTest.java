package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.Notification;
import com.quotadoctor.notification.SizeBudget;
import com.quotadoctor.trigger.EventTable;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Step Functions fails an execution whose state passes 256 KiB where no Catch sees it: the Diagnose output never does. */
class StepOutcomeSizeTest {

    private static Diagnosis diagnosis() {
        Snapshot s = new SnapshotReader().read(EventTable.EVENTS.resolve("snapshots").resolve("region-mismatch.json"));
        return Diagnostician.standard().diagnose(s.request(), s.evidence());
    }

    @Test
    void aDiagnosisWhoseReportWouldOverflowTheStateIsShortenedAndStillRoutes() {
        Diagnosis d = diagnosis();
        Notification huge = new Notification("REGION_MISMATCH: x", "Quota Doctor verdict: REGION_MISMATCH\n" + "y".repeat(400_000),
                "{\"card\":\"" + "z".repeat(100_000) + "\"}", Map.of("verdict", "REGION_MISMATCH"));

        ObjectNode json = new StepOutcome.Diagnosed("OnDemand", d, huge).toJson();

        assertThat(SizeBudget.bytes(JsonTree.compact(json))).isLessThanOrEqualTo(StepOutcome.Diagnosed.STATE_BUDGET);
        assertThat(json.path("verdict").asText()).isEqualTo("REGION_MISMATCH");
        assertThat(json.path("fingerprint").asText()).isEqualTo(d.fingerprint());
        assertThat(json.path("notification").path("text").asText()).startsWith("Quota Doctor verdict: REGION_MISMATCH")
                .endsWith(SizeBudget.NOTE);
    }

    @Test
    void anOrdinaryDiagnosisTravelsWhole() {
        Diagnosis d = diagnosis();
        Notification small = new Notification("s", "t", "{}", Map.of());

        ObjectNode json = new StepOutcome.Diagnosed("OnDemand", d, small).toJson();

        assertThat(json.has("shortened")).isFalse();
        assertThat(json.path("findings").path(0).has("evidence")).isTrue();
    }
}
