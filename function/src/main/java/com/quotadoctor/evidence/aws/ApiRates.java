package com.quotadoctor.evidence.aws;

import java.util.Map;

/**
 * The request rates AWS publishes per account and region, which collection stays under. Service Quotas:
 * https://docs.aws.amazon.com/servicequotas/latest/userguide/reference_limits.html; CloudTrail
 * LookupEvents: 2 per second; CloudWatch GetMetricData 50 and ListMetrics 25 per second. Bedrock publishes no
 * rate for GetInferenceProfile: it is paced like Service Quotas' Get calls (5 per second), a rate no
 * control-plane API of AWS is known to refuse.
 */
final class ApiRates {

    private static final Map<String, Double> PER_SECOND = Map.of(
            "ListServiceQuotas", 10.0,
            "ListAWSDefaultServiceQuotas", 10.0,
            "GetServiceQuota", 5.0,
            "ListRequestedServiceQuotaChangeHistory", 5.0,
            "LookupEvents", 2.0,
            "GetMetricData", 50.0,
            "ListMetrics", 25.0,
            "GetInferenceProfile", 5.0);

    private ApiRates() {
    }

    /** Calls per second for {@code operation}; 0 when AWS publishes no per-operation rate worth pacing. */
    static double perSecond(String operation) {
        return PER_SECOND.getOrDefault(operation, 0.0);
    }
}
