package com.quotadoctor.infra;

import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * Quota Doctor watching itself: in ALARM as soon as one data point counts at least one (a
 * failed execution, a function error, a dead letter), quiet when there is no data — a healthy run has none.
 */
final class OnceAlarm {

    private OnceAlarm() {
    }

    static Alarm create(Construct scope, String id, String name, String description, IMetric metric) {
        return Alarm.Builder.create(scope, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }
}
