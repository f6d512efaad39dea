package com.quotadoctor.workflow;

import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.trigger.EventTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboard draws beside the demand: the value of the quota that governs the failing calls. */
class DiagnoseStepTelemetryTest {

    @Test
    void theGoverningQuotaOfTheFailingCallsIsCountedOncePerModelRegionAndQuota() {
        List<String> told = new CopyOnWriteArrayList<>();
        Telemetry telemetry = new Telemetry() {
            @Override
            public void governingQuota(String model, String region, String quotaCode, double value) {
                told.add(model + " " + region + " " + quotaCode + " " + value);
            }
        };
        DiagnoseStep step = new DiagnoseStep(r -> new SnapshotReader().read(EventTable.EVENTS.resolve("snapshots")
                .resolve("usage-exceeds-quota.json")), Diagnostician.standard(), Configuration.local(), telemetry);

        step.run(EventTable.rows().stream().filter(r -> r.file().equals("on-demand.json")).findFirst().orElseThrow().text());

        assertThat(told).isNotEmpty().doesNotHaveDuplicates()
                .allSatisfy(line -> assertThat(line).matches("\\S+ [a-z]{2}-[a-z]+-\\d L-[0-9A-F]{8} [0-9.E]+"));
    }
}
