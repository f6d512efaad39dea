package com.quotadoctor.handler;

import com.quotadoctor.workflow.Telemetry;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** EMF metrics through Powertools' functional API: diagnoses by verdict, notifications sent and suppressed, gaps. */
final class PowertoolsTelemetry implements Telemetry {

    private final Metrics metrics = MetricsFactory.getMetricsInstance();
    private final String namespace = System.getenv().getOrDefault("POWERTOOLS_METRICS_NAMESPACE", "QuotaDoctor");

    PowertoolsTelemetry() {
        // without a namespace Powertools refuses to flush, and the invocation would fail after its work was done
        metrics.setNamespace(namespace);
    }

    @Override
    public void diagnosed(String verdict, int evidenceGaps) {
        metrics.flushSingleMetric("Diagnoses", 1, MetricUnit.COUNT, namespace, DimensionSet.of("Verdict", verdict));
        metrics.addMetric("EvidenceGaps", evidenceGaps, MetricUnit.COUNT);
    }

    @Override
    public void skipped(String trigger) {
        metrics.flushSingleMetric("EventsSkipped", 1, MetricUnit.COUNT, namespace, DimensionSet.of("Trigger", trigger));
    }

    @Override
    public void rejected() {
        metrics.addMetric("EventsRejected", 1, MetricUnit.COUNT);
    }

    @Override
    public void notified() {
        metrics.addMetric("NotificationsSent", 1, MetricUnit.COUNT);
    }

    @Override
    public void suppressed() {
        metrics.addMetric("NotificationsSuppressed", 1, MetricUnit.COUNT);
    }

    @Override
    public void governingQuota(String model, String region, String quotaCode, double value) {
        metrics.flushSingleMetric("GoverningQuota", value, MetricUnit.NONE, namespace,
                DimensionSet.of("ModelId", model, "Region", region, "QuotaCode", quotaCode));
    }

    void flush() {
        metrics.flush();
    }
}
