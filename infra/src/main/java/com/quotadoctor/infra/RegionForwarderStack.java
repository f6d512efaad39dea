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

    /**
     * Where AWS Support emits "Support Case Update" events: US East (N. Virginia), the Support API's endpoint in the
     * commercial partition, where AWS's example events are ("Support Case Update event", AWS Support user guide).
     * The EventBridge reference does not state the region outright.
     */
    static final String SUPPORT_REGION = "us-east-1";

    /**
     * @param workload a workload region (its alarms, quota events, utilization events); otherwise only us-east-1's
     *                 support case events, for a home region elsewhere
     */
    public RegionForwarderStack(Construct scope, String id, StackProps props, DeploymentConfig config, boolean workload) {
        super(scope, id, props);
        Tags.of(this).add("application", "quota-doctor");
        this.config = config;
        if (!workload) {
            forwardSupportCases(config);
            return;
        }
        new ThrottleAlarms(this, "Alarms", config);
        var forward = forward();
        Rule.Builder.create(this, "ForwardAlarms").description("Quota Doctor alarms to the home region")
                .eventPattern(Triggers.alarmPattern(config))
                .targets(List.of(forward)).build();
        Rule.Builder.create(this, "ForwardQuotaThresholds").description("Bedrock quota utilization events of this "
                        + "region to the home region")
                .eventPattern(Triggers.healthPattern()).targets(List.of(forward)).build();
        if (getRegion().equals(SUPPORT_REGION)) {
            forwardSupportCases(config);
        }
        Rule.Builder.create(this, "ForwardQuotaRequests").description("Bedrock quota requests in this region to the home region")
                .eventPattern(EventPattern.builder().source(List.of("aws.servicequotas"))
                        .detailType(List.of("AWS API Call via CloudTrail", "AWS Service Event via CloudTrail"))
                        .detail(Map.of("eventName", List.of("RequestServiceQuotaIncrease",
                                "UpdateServiceQuotaIncreaseRequestStatus")))
                        .build())
                .targets(List.of(forward)).build();
    }

    private final DeploymentConfig config;
    private software.amazon.awscdk.services.events.targets.EventBus forward;

    private software.amazon.awscdk.services.events.targets.EventBus forward() {
        if (forward == null) {
            var home = EventBus.fromEventBusArn(this, "HomeBus",
                    "arn:" + Aws.PARTITION + ":events:" + config.homeRegion() + ":" + Aws.ACCOUNT_ID + ":event-bus/default");
            forward = software.amazon.awscdk.services.events.targets.EventBus.Builder.create(home).build();
        }
        return forward;
    }

    private void forwardSupportCases(DeploymentConfig config) {
        Rule.Builder.create(this, "ForwardSupportCases").description("Support case updates (emitted in "
                        + SUPPORT_REGION + " only) to the home region " + config.homeRegion())
                .eventPattern(EventPattern.builder().source(List.of("aws.support"))
                        .detailType(List.of("Support Case Update")).build())
                .targets(List.of(forward())).build();
    }
}
