package com.quotadoctor.infra;

import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.List;

/**
 * The read-only evidence permissions, in one place for the Diagnose role and the member-account role. The
 * List/Lookup/GetMetricData actions support no resource-level permissions (Service Authorization Reference), so
 * their resource is "*"; servicequotas:GetServiceQuota shares their statement (whether it accepts the quota ARN as
 * its resource could not be verified offline; it reads what ListServiceQuotas already may). Every write is scoped
 * to an exact ARN elsewhere.
 */
final class ReadOnlyAccess {

    static final List<String> SERVICE_QUOTAS = List.of("servicequotas:GetServiceQuota", "servicequotas:ListServiceQuotas",
            "servicequotas:ListAWSDefaultServiceQuotas", "servicequotas:ListRequestedServiceQuotaChangeHistory");
    static final List<String> METRICS = List.of("cloudwatch:GetMetricData", "cloudwatch:ListMetrics");
    static final List<String> CLOUDTRAIL = List.of("cloudtrail:LookupEvents");

    private ReadOnlyAccess() {
    }

    static PolicyStatement serviceQuotas() {
        return PolicyStatement.Builder.create().sid("ReadBedrockQuotas").actions(SERVICE_QUOTAS)
                .resources(List.of("*")).build();
    }

    /**
     * GetInferenceProfile on the account's own application inference profiles: the failing calls' profiles are
     * resolved to the model or system profile they copy. This action takes a resource ARN, so it is scoped.
     */
    static PolicyStatement inferenceProfiles(software.amazon.awscdk.Stack stack) {
        return PolicyStatement.Builder.create().sid("ResolveApplicationInferenceProfiles")
                .actions(List.of("bedrock:GetInferenceProfile"))
                .resources(List.of("arn:" + stack.getPartition() + ":bedrock:*:" + stack.getAccount()
                        + ":application-inference-profile/*"))
                .build();
    }

    static PolicyStatement evidence() {
        return PolicyStatement.Builder.create().sid("ReadBedrockEvidence")
                .actions(java.util.stream.Stream.of(METRICS, CLOUDTRAIL).flatMap(List::stream).toList())
                .resources(List.of("*")).build();
    }
}
