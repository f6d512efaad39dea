package com.quotadoctor.domain;

import java.time.Instant;
import java.util.List;

/**
 * One {@code AWS/Bedrock} metric series for one model id ({@code GetMetricData} result).
 *
 * @param modelId the {@code ModelId} dimension: the identifier as invoked
 */
public record MetricSeries(String metricName, String modelId, String stat, int periodSeconds,
                           List<Instant> timestamps, List<Double> values) {

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
