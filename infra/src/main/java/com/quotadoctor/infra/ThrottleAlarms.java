package com.quotadoctor.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Per configured model, in the stack's region: an alarm on {@code AWS/Bedrock} InvocationThrottles and one on
 * InvocationClientErrors (ServiceQuotaExceededException is a client error). Their state changes are the
 * alarm trigger; they have no actions of their own.
 */
final class ThrottleAlarms extends Construct {

    ThrottleAlarms(Construct scope, String id, List<String> models) {
        super(scope, id);
        for (String model : models) {
            alarm(model, "InvocationThrottles", "throttles");
            alarm(model, "InvocationClientErrors", "client-errors");
        }
    }

    private void alarm(String model, String metricName, String kind) {
        Metric metric = Metric.Builder.create().namespace("AWS/Bedrock").metricName(metricName)
                .dimensionsMap(Map.of("ModelId", model)).statistic("Sum").period(Duration.minutes(1)).build();
        Alarm.Builder.create(this, Names.safe(model) + "-" + kind)
                .alarmName(Names.ALARM_PREFIX + kind + "-" + Names.safe(model))
                .alarmDescription("Bedrock " + metricName + " for " + model + ": Quota Doctor diagnoses when it fires")
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }
}
