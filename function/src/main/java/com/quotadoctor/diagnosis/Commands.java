package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.ModelId;

/** The exact {@code aws} CLI commands a fix needs; every one names its region. */
final class Commands {

    /** The AWS Support API is served from us-east-1 only. */
    private static final String SUPPORT_REGION = "us-east-1";

    private Commands() {
    }

    static String requestIncrease(String quotaCode, double desiredValue, String region) {
        return "aws service-quotas request-service-quota-increase --service-code bedrock --quota-code " + quotaCode
                + " --desired-value " + Format.text(desiredValue) + " --region " + region;
    }

    static String getQuota(String quotaCode, String region) {
        return "aws service-quotas get-service-quota --service-code bedrock --quota-code " + quotaCode
                + " --region " + region;
    }

    static String findQuota(String region) {
        return "aws service-quotas list-service-quotas --service-code bedrock --region " + region
                + " --query \"Quotas[?contains(QuotaName, 'per minute')].[QuotaCode,QuotaName,Value]\" --output table";
    }

    static String getRequest(String requestId, String region) {
        return "aws service-quotas get-requested-service-quota-change --request-id " + requestId + " --region " + region;
    }

    static String listRequests(String region) {
        return "aws service-quotas list-requested-service-quota-change-history --service-code bedrock --region " + region;
    }

    static String describeCase(String caseId) {
        return "aws support describe-cases --case-id-list " + caseId + " --include-communications --region "
                + SUPPORT_REGION;
    }

    static String escalate(String caseId, String message) {
        return "aws support add-communication-to-case --case-id " + caseId + " --communication-body \""
                + message.replace("\"", "'") + "\" --region " + SUPPORT_REGION;
    }

    static String retest(ModelId model, String region) {
        return "aws bedrock-runtime converse --model-id " + model.raw() + " --region " + region
                + " --messages '[{\"role\":\"user\",\"content\":[{\"text\":\"ping\"}]}]'"
                + " --inference-config maxTokens=16";
    }

    static String callerIdentity(String region) {
        return "aws sts get-caller-identity --region " + region;
    }

    static String throttleMetrics(ModelId model, String region) {
        return "aws cloudwatch get-metric-statistics --namespace AWS/Bedrock --metric-name InvocationThrottles"
                + " --dimensions Name=ModelId,Value=" + model.invokedId()
                + " --statistics Sum --period 60 --start-time $(date -u -d '-1 hour' +%FT%TZ)"
                + " --end-time $(date -u +%FT%TZ) --region " + region;
    }
}
