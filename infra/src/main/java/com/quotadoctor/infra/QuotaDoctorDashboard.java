package com.quotadoctor.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One screen per deployment: for each configured model and workload region, AWS's own estimate of TPM quota
 * consumption beside the settled tokens and the throttles; and the diagnoses over time by verdict.
 */
final class QuotaDoctorDashboard extends Construct {

    QuotaDoctorDashboard(Construct scope, String id, DeploymentConfig config) {
        super(scope, id);
        List<IWidget> widgets = new ArrayList<>();
        widgets.add(TextWidget.Builder.create().width(24).height(2).markdown("# Quota Doctor\n"
                + "Applied quotas: `aws service-quotas list-service-quotas --service-code bedrock --region <region>`. "
                + "Verdicts below come from the Diagnose function's EMF metrics.").build());
        widgets.add(GraphWidget.Builder.create().title("Diagnoses by verdict").width(24)
                .left(List.of(MathExpression.Builder.create()
                        .expression("SEARCH('{QuotaDoctor,Verdict,service} MetricName=\"Diagnoses\"', 'Sum', 3600)")
                        .label("").period(Duration.hours(1)).build()))
                .build());
        for (String region : config.workloadRegions()) {
            for (String model : config.models()) {
                // the governing quota's value (GoverningQuota, emitted by each diagnosis) beside the demand it governs
                widgets.add(GraphWidget.Builder.create().title(model + " in " + region + ": demand and its quota").width(12)
                        .left(List.of(metric(region, model, "EstimatedTPMQuotaUsage"), metric(region, model, "InputTokenCount"),
                                metric(region, model, "OutputTokenCount"), MathExpression.Builder.create()
                                        .expression("SEARCH('{QuotaDoctor,ModelId,QuotaCode,Region} MetricName=\"GoverningQuota\" "
                                                + "ModelId=\"" + model + "\" Region=\"" + region + "\"', 'Maximum', 300)")
                                        .label("applied quota").period(Duration.minutes(5)).build()))
                        .build());
                widgets.add(GraphWidget.Builder.create().title(model + " in " + region + ": throttles").width(12)
                        .left(List.of(metric(region, model, "InvocationThrottles"), metric(region, model, "Invocations")))
                        .build());
            }
        }
        Dashboard.Builder.create(this, "Dashboard").dashboardName(config.names().dashboard(config.homeRegion()))
                .widgets(List.of(widgets)).build();
    }

    private static Metric metric(String region, String model, String name) {
        return Metric.Builder.create().namespace("AWS/Bedrock").metricName(name).region(region)
                .dimensionsMap(Map.of("ModelId", model)).statistic("Sum").period(Duration.minutes(1)).build();
    }
}
