package com.quotadoctor.infra;

import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.List;

/**
 * The read-only evidence permissions, in one place for the Diagnose role and the member-account role. The
 * List/Lookup/GetMetricData actions support no resource-level permissions (Service Authorization Reference), so
 * their resource is "*"; servicequotas:GetServiceQuota takes the quota's ARN ({@code quota} resource type,
 * {@code arn:…:servicequotas:<region>:<account>:<service>/<code>}), so it is scoped to this account's Bedrock quotas.
 * Every write is scoped to an exact ARN elsewhere.
 */
final class ReadOnlyAccess {

    static final List<String> SERVICE_QUOTAS = List.of("servicequotas:ListServiceQuotas",
            "servicequotas:ListAWSDefaultServiceQuotas", "servicequotas:ListRequestedServiceQuotaChangeHistory");
    /** The one quota read one at a time: its resource is the quota's ARN. */
    static final String GET_SERVICE_QUOTA = "servicequotas:GetServiceQuota";
    static final List<String> METRICS = List.of("cloudwatch:GetMetricData");
    static final List<String> CLOUDTRAIL = List.of("cloudtrail:LookupEvents");

    private ReadOnlyAccess() {
    }

    static PolicyStatement serviceQuotas() {
        return PolicyStatement.Builder.create().sid("ReadBedrockQuotas").actions(SERVICE_QUOTAS)
                .resources(List.of("*")).build();
    }

    /** GetServiceQuota on this account's Bedrock quotas only, in any region (the quotas it reads are named at run time). */
    static PolicyStatement quotaValues(software.amazon.awscdk.Stack stack) {
        return quotaValues(stack.getPartition(), stack.getAccount());
    }

    private static PolicyStatement quotaValues(String partition, String account) {
        return PolicyStatement.Builder.create().sid("ReadBedrockQuotaValues").actions(List.of(GET_SERVICE_QUOTA))
                .resources(List.of(quotaArns(partition, account))).build();
    }

    static String quotaArns(software.amazon.awscdk.Stack stack) {
        return quotaArns(stack.getPartition(), stack.getAccount());
    }

    private static String quotaArns(String partition, String account) {
        return "arn:" + partition + ":servicequotas:*:" + account + ":bedrock/*";
    }

    /**
     * GetInferenceProfile on the account's own application inference profiles: the failing calls' profiles are
     * resolved to the model or system profile they copy. This action takes a resource ARN, so it is scoped.
     */
    static PolicyStatement inferenceProfiles(software.amazon.awscdk.Stack stack) {
        return inferenceProfiles(stack.getPartition(), stack.getAccount());
    }

    private static PolicyStatement inferenceProfiles(String partition, String account) {
        return PolicyStatement.Builder.create().sid("ResolveApplicationInferenceProfiles")
                .actions(List.of("bedrock:GetInferenceProfile"))
                .resources(List.of("arn:" + partition + ":bedrock:*:" + account + ":application-inference-profile/*"))
                .build();
    }

    /**
     * The same four statements as a policy for the CLI's user or role (function/src/dist/iam/cli-read-only-policy.json,
     * shipped in the distribution; {@code CliPolicyTest} keeps the file equal to this). An identity policy acts in its
     * own account only, so the account in the ARNs is "*".
     */
    static software.amazon.awscdk.services.iam.PolicyDocument cliPolicy() {
        return software.amazon.awscdk.services.iam.PolicyDocument.Builder.create().statements(List.of(serviceQuotas(),
                quotaValues("aws", "*"), evidence(), inferenceProfiles("aws", "*"))).build();
    }

    static PolicyStatement evidence() {
        return PolicyStatement.Builder.create().sid("ReadBedrockEvidence")
                .actions(java.util.stream.Stream.of(METRICS, CLOUDTRAIL).flatMap(List::stream).toList())
                .resources(List.of("*")).build();
    }
}
