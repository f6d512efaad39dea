package com.quotadoctor.domain;

import java.time.Instant;
import java.util.List;

/**
 * One {@code AWS/Bedrock} metric series for one model id ({@code GetMetricData} result).
 *
 * @param modelId the {@code ModelId} dimension: the identifier as invoked
 * @param account the account whose CloudWatch it was read in (through its role); empty for the caller's own: one
 *                account's traffic is never another's demand
 */
public record MetricSeries(String metricName, String modelId, String stat, int periodSeconds,
                           List<Instant> timestamps, List<Double> values, java.util.Optional<String> account) {

    public MetricSeries(String metricName, String modelId, String stat, int periodSeconds, List<Instant> timestamps,
                        List<Double> values) {
        this(metricName, modelId, stat, periodSeconds, timestamps, values, java.util.Optional.empty());
    }

    /** Whether this series is {@code calling}'s traffic, the caller's own series counting for {@code caller}. */
    public boolean of(java.util.Optional<String> calling, java.util.Optional<String> caller) {
        java.util.Optional<String> mine = account.or(() -> caller);
        java.util.Optional<String> theirs = calling.or(() -> caller);
        return mine.isEmpty() || theirs.isEmpty() || mine.equals(theirs);
    }

    public MetricSeries {
        timestamps = List.copyOf(timestamps);
        values = List.copyOf(values);
        if (timestamps.size() != values.size()) {
            throw new BadInputException(metricName + " for " + modelId + ": " + timestamps.size()
                    + " timestamps but " + values.size() + " values");
        }
        if (periodSeconds <= 0) {
            throw new BadInputException(metricName + " for " + modelId + ": period must be positive");
        }
    }
}
