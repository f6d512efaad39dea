package com.quotadoctor.infra;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Match;
import software.amazon.awscdk.services.events.Rule;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * A workload region other than the home region: its throttle alarms, and a rule that forwards their state
 * changes and the region's Service Quotas events to the home region's default bus, where the triggers are.
 */
public final class RegionForwarderStack extends Stack {

    public RegionForwarderStack(Construct scope, String id, StackProps props, DeploymentConfig config) {
        super(scope, id, props);
        Tags.of(this).add("application", "quota-doctor");
        new ThrottleAlarms(this, "Alarms", config.models());
        var home = EventBus.fromEventBusArn(this, "HomeBus",
                "arn:" + Aws.PARTITION + ":events:" + config.homeRegion() + ":" + Aws.ACCOUNT_ID + ":event-bus/default");
        var forward = software.amazon.awscdk.services.events.targets.EventBus.Builder.create(home).build();
        Rule.Builder.create(this, "ForwardAlarms").description("Quota Doctor alarms to the home region")
                .eventPattern(EventPattern.builder().source(List.of("aws.cloudwatch"))
                        .detailType(List.of("CloudWatch Alarm State Change"))
                        .detail(Map.of("alarmName", Match.prefix(Names.ALARM_PREFIX), "state", Map.of("value", List.of("ALARM"))))
                        .build())
                .targets(List.of(forward)).build();
        Rule.Builder.create(this, "ForwardQuotaRequests").description("Bedrock quota requests in this region to the home region")
                .eventPattern(EventPattern.builder().source(List.of("aws.servicequotas"))
                        .detailType(List.of("AWS API Call via CloudTrail", "AWS Service Event via CloudTrail"))
                        .detail(Map.of("eventName", List.of("RequestServiceQuotaIncrease",
                                "UpdateServiceQuotaIncreaseRequestStatus")))
                        .build())
                .targets(List.of(forward)).build();
    }
}
