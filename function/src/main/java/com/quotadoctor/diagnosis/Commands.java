package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.ModelId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The exact {@code aws} CLI commands and console pages a plan needs. Every command names its region and
 * runs as printed in any POSIX shell (no GNU-only {@code date -d}); every value taken from evidence is
 * shell-quoted unless it is plainly safe.
 */
public final class Commands {

    /** The AWS Support API is served from us-east-1 only. */
    private static final String SUPPORT_REGION = "us-east-1";
    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9._:/=@+,-]+$");

    private Commands() {
    }

    /** {@code value} as one shell word. */
    static String quote(String value) {
        return SAFE.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    public static String requestIncrease(String quotaCode, double desiredValue, String region) {
        return "aws service-quotas request-service-quota-increase --service-code bedrock --quota-code " + quote(quotaCode)
                + " --desired-value " + Format.plain(desiredValue) + " --region " + quote(region);
    }

    static String getQuota(String quotaCode, String region) {
        return "aws service-quotas get-service-quota --service-code bedrock --quota-code " + quote(quotaCode)
                + " --region " + quote(region);
    }

    static String findQuota(String region) {
        return "aws service-quotas list-service-quotas --service-code bedrock --region " + quote(region)
                + " --query \"Quotas[?contains(QuotaName, 'per minute')].[QuotaCode,QuotaName,Value]\" --output table";
    }

    static String getRequest(String requestId, String region) {
        return "aws service-quotas get-requested-service-quota-change --request-id " + quote(requestId)
                + " --region " + quote(region);
    }

    /**
     * The support case behind a quota request. Service Quotas' {@code CaseId} is the case's display id (a number
     * such as 17641234567: UNCONFIRMED by AWS's docs, but the numbers match the Support event's display-id);
     * describe-cases takes it as {@code --display-id}, and a closed case needs {@code --include-resolved-cases}.
     * The Support API needs a Business, Enterprise On-Ramp or Enterprise plan; {@link #caseConsole} is the fallback.
     */
    static String describeCase(String displayId) {
        return "aws support describe-cases --display-id " + quote(displayId)
                + " --include-resolved-cases --include-communications --region " + SUPPORT_REGION;
    }

    /** add-communication-to-case takes the case-… id, which describe-cases resolves from the display id. */
    static String escalate(String displayId, String message) {
        return "aws support add-communication-to-case --case-id \"$(aws support describe-cases --display-id "
                + quote(displayId) + " --include-resolved-cases --query 'cases[0].caseId' --output text --region "
                + SUPPORT_REGION + ")\" --communication-body " + quote(message) + " --region " + SUPPORT_REGION;
    }

    static String retest(ModelId model, String region) {
        return "aws bedrock-runtime converse --model-id " + quote(model.raw()) + " --region " + quote(region)
                + " --messages '[{\"role\":\"user\",\"content\":[{\"text\":\"ping\"}]}]'"
                + " --inference-config maxTokens=16";
    }

    static String callerIdentity(String region) {
        return "aws sts get-caller-identity --region " + quote(region);
    }

    /** The last hour of throttles before {@code until}, as fixed timestamps: the same command on any shell. */
    /**
     * Agent and knowledge-base calls logged as CloudTrail data events, management events kept (advanced selectors
     * replace a trail's selectors). Resource types from the Bedrock User Guide, "Amazon Bedrock data events in CloudTrail".
     */
    static String logAgentDataEvents(String region) {
        return "aws cloudtrail put-event-selectors --trail-name YOUR_TRAIL --region " + quote(region)
                + " --advanced-event-selectors '[{\"Name\":\"Management events\",\"FieldSelectors\":[{\"Field\":"
                + "\"eventCategory\",\"Equals\":[\"Management\"]}]},{\"Name\":\"Bedrock agents and knowledge bases\","
                + "\"FieldSelectors\":[{\"Field\":\"eventCategory\",\"Equals\":[\"Data\"]},{\"Field\":"
                + "\"resources.type\",\"Equals\":[\"AWS::Bedrock::AgentAlias\",\"AWS::Bedrock::KnowledgeBase\"]}]}]'";
    }

    static String agentModel(String region) {
        return "aws bedrock-agent get-agent --agent-id YOUR_AGENT_ID --query agent.foundationModel --region " + quote(region);
    }

    static String throttleMetrics(String invokedId, String region, Instant until) {
        Instant end = until.truncatedTo(ChronoUnit.MINUTES);
        return "aws cloudwatch get-metric-statistics --namespace AWS/Bedrock --metric-name InvocationThrottles"
                + " --dimensions Name=ModelId,Value=" + quote(invokedId)
                + " --statistics Sum --period 60 --start-time " + end.minus(1, ChronoUnit.HOURS)
                + " --end-time " + end + " --region " + quote(region);
    }

    public static String quotaConsole(String quotaCode, String region) {
        return "https://" + region + ".console.aws.amazon.com/servicequotas/home/services/bedrock/quotas/" + quotaCode
                + "?region=" + region;
    }

    static String requestsConsole(String region) {
        return "https://" + region + ".console.aws.amazon.com/servicequotas/home/requests?region=" + region;
    }

    static String caseConsole(String displayId) {
        return "https://support.console.aws.amazon.com/support/home#/case/?displayId=" + displayId;
    }

    /** The limit-increase form Bedrock's docs point to for quotas Service Quotas cannot adjust. */
    public static String limitIncreaseForm() {
        return "https://console.aws.amazon.com/support/home#/case/create?issueType=service-limit-increase";
    }

    static String metricsConsole(String region) {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#metricsV2?graph=~()&namespace=~'AWS*2fBedrock";
    }
}
