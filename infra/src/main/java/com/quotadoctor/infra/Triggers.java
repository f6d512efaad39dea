package com.quotadoctor.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Every trigger of the workflow, as an EventBridge rule on the default bus, and the watcher's schedule.
 * Undeliverable events go to the dead-letter queue rather than vanish.
 */
final class Triggers extends Construct {

    static final String STATUS_CHANGE = "Bedrock Quota Request Status Change";
    static final String QUOTA_LOWERED = "Bedrock Quota Value Lowered";

    Triggers(Construct scope, String id, DeploymentConfig config, IStateMachine workflow, IFunction watch, Queue deadLetters,
             software.amazon.awscdk.services.events.IEventBus statusBus) {
        super(scope, id);
        IRuleTarget start = SfnStateMachine.Builder.create(workflow).deadLetterQueue(deadLetters)
                .retryAttempts(3).maxEventAge(Duration.hours(2)).build();

        rule("QuotaIncreaseRequested", "A Bedrock quota increase was requested (CloudTrail)", EventPattern.builder()
                .source(List.of("aws.servicequotas")).detailType(List.of("AWS API Call via CloudTrail"))
                .detail(Map.of("eventName", List.of("RequestServiceQuotaIncrease"),
                        "requestParameters", Map.of("serviceCode", List.of("bedrock"))))
                .build(), start);
        rule("QuotaRequestStatusUpdated", "Service Quotas changed a request's status (CloudTrail service event)",
                EventPattern.builder().source(List.of("aws.servicequotas"))
                        .detailType(List.of("AWS Service Event via CloudTrail"))
                        .detail(Map.of("eventName", List.of("UpdateServiceQuotaIncreaseRequestStatus")))
                        .build(), start);
        rule("SupportCaseUpdated", "A support case changed: diagnosed if it belongs to a Bedrock increase",
                EventPattern.builder().source(List.of("aws.support")).detailType(List.of("Support Case Update")).build(),
                start);
        Rule.Builder.create(this, "WatcherStatusChange").description("The request watcher saw a status change or a lowered quota")
                .eventBus(statusBus)
                .eventPattern(EventPattern.builder().source(List.of(QuotaDoctorStack.STATUS_SOURCE))
                        .detailType(List.of(STATUS_CHANGE, QUOTA_LOWERED)).build())
                .targets(List.of(start)).build();
        rule("ThrottleAlarm", "A Quota Doctor alarm, or one of the team's alarms named in alarmNamePrefixes, fired",
                alarmPattern(config), start);
        rule("QuotaThresholdBreach", "Service Quotas Automatic Management: a quota's utilization crossed its threshold",
                healthPattern(), start);
        Rule.Builder.create(this, "DiagnoseSchedule").description("Diagnose every configured workload")
                .schedule(Schedule.expression(config.diagnoseSchedule())).targets(List.of(start)).build();
        Rule.Builder.create(this, "WatchSchedule").description("Sweep the increase request history")
                .schedule(Schedule.expression(config.watchSchedule()))
                .targets(List.of(LambdaFunction.Builder.create(watch).deadLetterQueue(deadLetters).retryAttempts(2)
                        .maxEventAge(Duration.hours(1)).build()))
                .build();
    }

    /**
     * Alarms going to ALARM whose name starts with one of this deployment's alarm kinds ({@code quota-doctor-[stage-]
     * throttles-…}, never another stage's) or a prefix the team configured.
     */
    static EventPattern alarmPattern(DeploymentConfig config) {
        List<Object> prefixes = new java.util.ArrayList<>();
        Names.ALARM_KINDS.forEach(kind -> prefixes.add(Map.of("prefix", config.names().alarm(kind))));
        config.alarmNamePrefixes().forEach(p -> prefixes.add(Map.of("prefix", p)));
        // a Metrics Insights alarm with GROUP BY also says which series went to ALARM: one event per contributor (model)
        return EventPattern.builder().source(List.of("aws.cloudwatch")).detailType(List.of("CloudWatch Alarm State Change",
                        "CloudWatch Alarm Contributor State Change"))
                .detail(Map.of("alarmName", prefixes, "state", Map.of("value", List.of("ALARM"))))
                .build();
    }

    /** AWS Health's quota threshold events (the diagnosis keeps the Bedrock ones). */
    static EventPattern healthPattern() {
        return EventPattern.builder().source(List.of("aws.health")).detailType(List.of("AWS Health Event"))
                .detail(Map.of("service", List.of("SERVICEQUOTAS"),
                        "eventTypeCode", List.of("AWS_SERVICEQUOTAS_THRESHOLD_BREACH")))
                .build();
    }

    private void rule(String id, String description, EventPattern pattern, IRuleTarget target) {
        Rule.Builder.create(this, id).description(description).eventPattern(pattern).targets(List.of(target)).build();
    }
}
