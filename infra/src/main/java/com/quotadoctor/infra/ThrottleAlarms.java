package com.quotadoctor.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alarms whose state changes start a diagnosis, in one workload region; they have no actions of their own.
 * Always one over every model's {@code AWS/Bedrock} InvocationThrottles (a Metrics Insights query alarm: it follows
 * the models as they are called, nothing to configure); per configured model one on InvocationThrottles, and with
 * {@code clientErrorAlarms} one on InvocationClientErrors (ServiceQuotaExceededException is a client error, but so
 * is every validation error and access denied: opt-in).
 */
final class ThrottleAlarms extends Construct {

    /** The all-models alarm's name after the deployment's prefix: the same in every workload region (alarm names are per region). */
    static final String ALL_MODELS = "throttles-all-models";
    static final String ALL_MODELS_QUERY = "SELECT SUM(InvocationThrottles) FROM SCHEMA(\"AWS/Bedrock\", ModelId)";

    private final DeploymentConfig.AlarmSettings settings;

    ThrottleAlarms(Construct scope, String id, DeploymentConfig config) {
        super(scope, id);
        this.settings = config.alarms();
        Names names = config.names();
        int periodSeconds = settings.periodSeconds();
        IMetric all = MathExpression.Builder.create().expression(ALL_MODELS_QUERY)
                .label("InvocationThrottles, all models").period(Duration.seconds(periodSeconds)).usingMetrics(Map.of()).build();
        alarm("all-models-throttles", names.alarm(ALL_MODELS), "Bedrock InvocationThrottles, all models: Quota Doctor "
                + "diagnoses when it fires", all);
        for (String model : config.models()) {
            Optional<String> dimension = dimension(model);
            if (dimension.isEmpty()) {
                continue; // an application profile's metrics dimension is not documented: the all-models alarm covers it
            }
            alarm(Names.safe(model) + "-throttles", names.alarm("throttles-" + Names.safe(dimension.get())),
                    "Bedrock InvocationThrottles for " + model + ": Quota Doctor diagnoses when it fires",
                    metric(dimension.get(), "InvocationThrottles", periodSeconds));
            if (config.clientErrorAlarms()) {
                alarm(Names.safe(model) + "-client-errors", names.alarm("client-errors-" + Names.safe(dimension.get())),
                        "Bedrock InvocationClientErrors for " + model + ": Quota Doctor diagnoses when it fires",
                        metric(dimension.get(), "InvocationClientErrors", periodSeconds));
            }
        }
    }

    /**
     * The ModelId dimension AWS/Bedrock records for a configured model: the id as invoked; a foundation-model or
     * system inference profile ARN by its id. Empty for an application inference profile.
     */
    static Optional<String> dimension(String model) {
        if (!model.startsWith("arn:")) {
            return Optional.of(model);
        }
        String resource = model.split(":", 6)[5];
        if (resource.startsWith("application-inference-profile/")) {
            return Optional.empty();
        }
        return Optional.of(resource.substring(resource.indexOf('/') + 1));
    }

    private static Metric metric(String model, String name, int periodSeconds) {
        return Metric.Builder.create().namespace("AWS/Bedrock").metricName(name)
                .dimensionsMap(Map.of("ModelId", model)).statistic("Sum").period(Duration.seconds(periodSeconds)).build();
    }

    /** A sustained problem, not one burst: see {@link DeploymentConfig.AlarmSettings}. No actions: the rule reacts. */
    private void alarm(String id, String name, String description, IMetric metric) {
        software.amazon.awscdk.services.cloudwatch.Alarm.Builder.create(this, id)
                .alarmName(name)
                .alarmDescription(description + " (" + settings.threshold() + "+ in " + settings.datapointsToAlarm()
                        + " of " + settings.evaluationPeriods() + " periods of " + settings.periodSeconds() + " s)")
                .metric(metric)
                .threshold(settings.threshold())
                .evaluationPeriods(settings.evaluationPeriods())
                .datapointsToAlarm(settings.datapointsToAlarm())
                .comparisonOperator(software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(software.amazon.awscdk.services.cloudwatch.TreatMissingData.NOT_BREACHING)
                .build();
    }
}
