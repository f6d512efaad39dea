package com.quotadoctor.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.constructs.IConstruct;

import java.util.List;

/** Every cdk-nag suppression of the app, each with the reason it is right here. */
final class Suppressions {

    static final String READ_ONLY_STAR = "The read-only evidence actions (servicequotas:List*, cloudwatch:GetMetricData, "
            + "cloudtrail:LookupEvents) and X-Ray's PutTraceSegments/PutTelemetryRecords support no "
            + "resource-level permissions (Service Authorization Reference), so their resource must be *. No write action "
            + "has a * resource.";

    static final String QUOTA_VALUES = "servicequotas:GetServiceQuota reads one quota by its ARN; the quotas read are "
            + "named at run time in any region, so the grant is this account's Bedrock quotas (bedrock/*) alone, read-only.";
    static final String QUOTA_VALUES_RESOURCE = "Resource::arn:<AWS::Partition>:servicequotas:*:<AWS::AccountId>:bedrock/*";

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
            s.appliesTo(java.util.Arrays.stream(appliesTo).map(Suppressions::finding).toList());
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(s.build()), true);
    }

    /**
     * What cdk-nag reports for a resource, whatever the app's flags: with {@code @aws-cdk/core:enablePartitionLiterals}
     * (cdk.json) a stack in a known region renders {@code arn:aws:…} where without it the finding reads
     * {@code arn:<AWS::Partition>:…}, and a region may render as its name or as {@code <AWS::Region>}. A finding naming
     * either pseudo parameter is matched by a regex accepting both renderings; any other is matched exactly.
     */
    static Object finding(String appliesTo) {
        if (!appliesTo.contains(PARTITION) && !appliesTo.contains(REGION)) {
            return appliesTo;
        }
        String pattern = JS_REGEX_SPECIAL.matcher(appliesTo).replaceAll("\\\\$0")
                .replace(PARTITION, "(?:<AWS::Partition>|aws(?:-[a-z]+)*)")
                .replace(REGION, "(?:<AWS::Region>|[a-z]{2}(?:-[a-z]+)+-\\d)");
        return RegexAppliesTo.builder().regex("/^" + pattern + "$/").build();
    }

    private static final String PARTITION = "<AWS::Partition>";
    private static final String REGION = "<AWS::Region>";
    /** The characters a JavaScript regular expression treats specially (cdk-nag evaluates the regex in Node). */
    private static final java.util.regex.Pattern JS_REGEX_SPECIAL = java.util.regex.Pattern.compile("[\\\\^$.|?*+()\\[\\]{}/]");
}
