package com.quotadoctor.domain;

/**
 * The AWS operations collection calls, each with what AWS publishes about it: the request rate per account and
 * region that collection stays under, and the most items one page may hold (the MaxResults asked, or the API's
 * maximum: a page beyond it is an endpoint ignoring the request). Sources: Service Quotas,
 * https://docs.aws.amazon.com/servicequotas/latest/userguide/reference_limits.html; CloudTrail LookupEvents 2 per
 * second, 50 events a page (CloudTrail API Reference); CloudWatch GetMetricData 50 per second, 500
 * a page (CloudWatch service quotas). Bedrock publishes no rate for GetInferenceProfile: it is paced like Service
 * Quotas' Get calls (5 per second), a rate no control-plane API of AWS is known to refuse. 0 means no rate worth
 * pacing (one call per run).
 */
public enum Operation {
    LIST_SERVICE_QUOTAS("ListServiceQuotas", 10, 100, 8 * 1024L),
    LIST_AWS_DEFAULT_SERVICE_QUOTAS("ListAWSDefaultServiceQuotas", 10, 100, 8 * 1024L),
    GET_SERVICE_QUOTA("GetServiceQuota", 5, 1, 64 * 1024L),
    LIST_REQUESTED_SERVICE_QUOTA_CHANGE_HISTORY("ListRequestedServiceQuotaChangeHistory", 5, 100, 8 * 1024L),
    /** CloudTrail's event size limit is 256 KB: a page of 50 full events. */
    LOOKUP_EVENTS("LookupEvents", 2, 50, 256 * 1024L),
    /** 180 one-minute points of a series at ~100 bytes each, with room. */
    GET_METRIC_DATA("GetMetricData", 50, 500, 32 * 1024L),
    GET_INFERENCE_PROFILE("GetInferenceProfile", 5, 1, 256 * 1024L),
    CONVERSE("Converse", 0, 1, 1024 * 1024L),
    GET_CALLER_IDENTITY("GetCallerIdentity", 0, 1, 64 * 1024L),
    ASSUME_ROLE("AssumeRole", 0, 1, 64 * 1024L);

    /**
     * The bound of a response to an operation not listed here (Organizations' pages of 20 accounts, an error body).
     */
    public static final long DEFAULT_RESPONSE_BYTES = 4L * 1024 * 1024;

    private final String wireName;
    private final double perSecond;
    private final int maxItemsPerPage;
    private final long bytesPerItem;

    Operation(String wireName, double perSecond, int maxItemsPerPage, long bytesPerItem) {
        this.wireName = wireName;
        this.perSecond = perSecond;
        this.maxItemsPerPage = maxItemsPerPage;
        this.bytesPerItem = bytesPerItem;
    }

    /**
     * The most bytes one response may hold: a full page of generously sized items (an AWS answer is a small fraction
     * of it). Past it the response is not AWS's and is not read on.
     */
    public long maxResponseBytes() {
        return Math.max(DEFAULT_RESPONSE_BYTES / 4, maxItemsPerPage * bytesPerItem);
    }

    /** The operation's name as AWS spells it: in gaps, logs and the snapshot. */
    public String wireName() {
        return wireName;
    }

    /** Calls per second AWS accepts per account and region; 0 when there is none worth pacing. */
    public double perSecond() {
        return perSecond;
    }

    public int maxItemsPerPage() {
        return maxItemsPerPage;
    }

    /** The one IAM action this operation needs (Service Authorization Reference). */
    public String iamAction() {
        return switch (this) {
            case LOOKUP_EVENTS -> "cloudtrail:LookupEvents";
            case GET_METRIC_DATA -> "cloudwatch:" + wireName;
            case GET_INFERENCE_PROFILE -> "bedrock:GetInferenceProfile";
            case CONVERSE -> "bedrock:InvokeModel";
            case GET_CALLER_IDENTITY, ASSUME_ROLE -> "sts:" + wireName;
            default -> "servicequotas:" + wireName;
        };
    }

    /** The operation a gap's source names, if it is one. */
    public static java.util.Optional<Operation> named(String source) {
        return java.util.Arrays.stream(values()).filter(o -> o.is(source)).findFirst();
    }

    /** Whether {@code source} (a gap's source) names this operation. */
    public boolean is(String source) {
        return wireName.equals(source);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
