package com.quotadoctor.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.constructs.IConstruct;

import java.util.List;

/** Every cdk-nag suppression of the app, each with the reason it is right here. */
final class Suppressions {

    static final String READ_ONLY_STAR = "The read-only evidence actions (servicequotas:List*, cloudwatch:GetMetricData, "
            + "cloudwatch:ListMetrics, cloudtrail:LookupEvents) and X-Ray's PutTraceSegments/PutTelemetryRecords support no "
            + "resource-level permissions (Service Authorization Reference), so their resource must be *; "
            + "servicequotas:GetServiceQuota reads, one quota at a time, what ListServiceQuotas lists. No write action "
            + "has a * resource.";

    static final String APPLICATION_PROFILES = "The failing calls name their application inference profiles only at "
            + "run time (any region, any profile id); the grant is GetInferenceProfile, read-only, on this account's "
            + "application profiles alone.";
    static final String APPLICATION_PROFILES_RESOURCE =
            "Resource::arn:<AWS::Partition>:bedrock:*:<AWS::AccountId>:application-inference-profile/*";

    private Suppressions() {
    }

    static void suppress(IConstruct construct, String rule, String reason, String... appliesTo) {
        NagPackSuppression.Builder s = NagPackSuppression.builder().id(rule).reason(reason);
        if (appliesTo.length > 0) {
            s.appliesTo(List.of((Object[]) appliesTo));
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(s.build()), true);
    }
}
