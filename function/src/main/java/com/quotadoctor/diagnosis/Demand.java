package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.BedrockMetric;
import com.quotadoctor.domain.MetricSeries;
import com.quotadoctor.domain.ModelId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Demand on one model's quotas as the quota counts it, from {@code AWS/Bedrock} metrics.
 *
 * <p>Settled tokens per minute are {@code InputTokenCount + CacheWriteInputTokens +
 * OutputTokenCount × burndown}; cache reads do not count. When AWS's own {@code EstimatedTPMQuotaUsage} is
 * present, the peak is the larger of its peak and the settled one: AWS's estimate already applies burndown, and
 * where it covers only some minutes the settled count of the others still counts. The source names AWS's metric.
 *
 * @param peakTokensPerMinute   highest settled tokens in one minute inside the recent window
 * @param peakRequestsPerMinute highest attempted requests (accepted plus throttled) in one minute
 * @param throttles             throttled requests inside the recent window
 * @param tokensLastDay         settled tokens over the 24 hours before capture
 * @param burndown              output-token multiplier applied
 * @param source                which metrics the peaks came from
 * @param usual                 the typical minute of the same window, for a request's justification
 */
public record Demand(Optional<Double> peakTokensPerMinute, Optional<Double> peakRequestsPerMinute, double throttles,
                     Optional<Double> tokensLastDay, int burndown, String source, Usual usual) {

    public static final Demand UNKNOWN = new Demand(Optional.empty(), Optional.empty(), 0, Optional.empty(), 1,
            "no metrics", Usual.NONE);

    /**
     * The typical minute: what AWS Support asks for beside the peak.
     *
     * @param tokensPerMinute   the median settled tokens per minute
     * @param requestsPerMinute the median attempted requests per minute
     * @param inputPerCall      input tokens per accepted call
     * @param outputPerCall     output tokens per accepted call, before burndown
     * @param minutes           the minutes of metrics the figures come from
     */
    public record Usual(Optional<Double> tokensPerMinute, Optional<Double> requestsPerMinute,
                        Optional<Double> inputPerCall, Optional<Double> outputPerCall, long minutes) {
        static final Usual NONE = new Usual(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    public boolean isKnown() {
        return peakTokensPerMinute.isPresent() || peakRequestsPerMinute.isPresent();
    }

    /** Reads the series of one invoked model id out of a region's metrics. */
    public static Demand of(ModelId model, List<MetricSeries> metrics, Instant capturedAt, Duration recentWindow) {
        List<MetricSeries> mine = metrics.stream().filter(s -> model.sameInvocation(s.modelId())).toList();
        if (mine.isEmpty()) {
            return UNKNOWN;
        }
        int burndown = model.outputBurndown();
        Instant recentStart = capturedAt.minus(recentWindow);
        Instant dayStart = capturedAt.minus(Duration.ofDays(1));

        Map<Instant, Double> settledPerMinute = new TreeMap<>();
        Map<Instant, Double> requestsPerMinute = new TreeMap<>();
        double estimatedPeak = -1;
        double throttles = 0;
        double dayTokens = 0;
        boolean anyTokens = false;
        boolean anyRequests = false;
        double input = 0;
        double output = 0;
        double accepted = 0;
        for (MetricSeries series : mine) {
            BedrockMetric metric = BedrockMetric.of(series.metricName()).orElse(null);
            if (metric == null || metric.isMantle()) {
                continue; // the same model's bedrock-mantle traffic counts against other quotas
            }
            double weight = weight(metric, burndown);
            double perMinute = 60.0 / series.periodSeconds();
            for (int i = 0; i < series.values().size(); i++) {
                Instant t = series.timestamps().get(i);
                double v = series.values().get(i);
                if (t.isAfter(capturedAt)) {
                    continue;
                }
                if (weight > 0 && !t.isBefore(dayStart)) {
                    dayTokens += v * weight;
                    anyTokens = true;
                }
                if (t.isBefore(recentStart)) {
                    continue;
                }
                if (metric == BedrockMetric.INPUT_TOKEN_COUNT) {
                    input += v;
                } else if (metric == BedrockMetric.OUTPUT_TOKEN_COUNT) {
                    output += v;
                }
                switch (metric) {
                    case INPUT_TOKEN_COUNT, CACHE_WRITE_INPUT_TOKENS, OUTPUT_TOKEN_COUNT ->
                            settledPerMinute.merge(t, v * weight * perMinute, Double::sum);
                    case ESTIMATED_TPM_QUOTA_USAGE -> estimatedPeak = Math.max(estimatedPeak, v * perMinute);
                    case INVOCATIONS -> {
                        requestsPerMinute.merge(t, v * perMinute, Double::sum);
                        accepted += v;
                        anyRequests = true;
                    }
                    case INVOCATION_THROTTLES -> {
                        requestsPerMinute.merge(t, v * perMinute, Double::sum);
                        throttles += v;
                        anyRequests = true;
                    }
                }
            }
        }
        Optional<Double> settledPeak = settledPerMinute.values().stream().max(Double::compare);
        Optional<Double> tokenPeak = estimatedPeak >= 0
                ? Optional.of(Math.max(estimatedPeak, settledPeak.orElse(0.0)))
                : settledPeak;
        String source = estimatedPeak >= 0 ? BedrockMetric.ESTIMATED_TPM_QUOTA_USAGE.wireName()
                : BedrockMetric.INPUT_TOKEN_COUNT + "+" + BedrockMetric.CACHE_WRITE_INPUT_TOKENS + "+"
                + BedrockMetric.OUTPUT_TOKEN_COUNT + "×" + burndown;
        Usual usual = new Usual(median(settledPerMinute.values()), anyRequests ? median(requestsPerMinute.values())
                : Optional.empty(), accepted > 0 && input > 0 ? Optional.of(input / accepted) : Optional.empty(),
                accepted > 0 && output > 0 ? Optional.of(output / accepted) : Optional.empty(),
                Math.max(settledPerMinute.size(), requestsPerMinute.size()));
        return new Demand(tokenPeak,
                anyRequests ? requestsPerMinute.values().stream().max(Double::compare) : Optional.empty(),
                throttles, anyTokens ? Optional.of(dayTokens) : Optional.empty(), burndown, source, usual);
    }

    /**
     * Demand on a model's bedrock-mantle quotas ({@code AWS/BedrockMantle}, dimension {@code Model}): input tokens per
     * minute against the input quota (cached input is not counted there, and the max_tokens each call reserves at
     * admission is not published), attempted calls per minute, and the 4xx answers, which hold its 429s: AWS publishes no
     * separate throttle count for mantle.
     */
    public static Demand ofMantle(ModelId model, List<MetricSeries> metrics, Instant capturedAt, Duration recentWindow) {
        List<MetricSeries> mine = metrics.stream().filter(s -> model.sameInvocation(s.modelId()))
                .filter(s -> BedrockMetric.of(s.metricName()).map(BedrockMetric::isMantle).orElse(false)).toList();
        if (mine.isEmpty()) {
            return UNKNOWN;
        }
        Instant recentStart = capturedAt.minus(recentWindow);
        Map<Instant, Double> input = new TreeMap<>();
        Map<Instant, Double> calls = new TreeMap<>();
        double errors = 0;
        double accepted = 0;
        double inputTotal = 0;
        double outputTotal = 0;
        for (MetricSeries series : mine) {
            BedrockMetric metric = BedrockMetric.of(series.metricName()).orElseThrow();
            double perMinute = 60.0 / series.periodSeconds();
            for (int i = 0; i < series.values().size(); i++) {
                Instant t = series.timestamps().get(i);
                double v = series.values().get(i);
                if (t.isAfter(capturedAt) || t.isBefore(recentStart)) {
                    continue;
                }
                switch (metric) {
                    case MANTLE_INPUT_TOKENS -> {
                        input.merge(t, v * perMinute, Double::sum);
                        inputTotal += v;
                    }
                    case MANTLE_OUTPUT_TOKENS -> outputTotal += v;
                    case MANTLE_INFERENCES -> {
                        calls.merge(t, v * perMinute, Double::sum);
                        accepted += v;
                    }
                    case MANTLE_CLIENT_ERRORS -> {
                        calls.merge(t, v * perMinute, Double::sum);
                        errors += v;
                    }
                    default -> {
                    }
                }
            }
        }
        Usual usual = new Usual(median(input.values()), median(calls.values()),
                accepted > 0 && inputTotal > 0 ? Optional.of(inputTotal / accepted) : Optional.empty(),
                accepted > 0 && outputTotal > 0 ? Optional.of(outputTotal / accepted) : Optional.empty(),
                Math.max(input.size(), calls.size()));
        return new Demand(input.values().stream().max(Double::compare),
                calls.isEmpty() ? Optional.empty() : calls.values().stream().max(Double::compare), errors,
                Optional.empty(), 1, BedrockMetric.MANTLE_NAMESPACE + " " + BedrockMetric.MANTLE_INPUT_TOKENS
                + " (what the input quota counts, max_tokens aside)", usual);
    }

    /**
     * The settled tokens of the 24 hours before capture, summed as each period of the series ends: what a daily quota
     * counts, by the same rule as {@link #tokensLastDay()} (the last point is that figure). bedrock-runtime only.
     */
    public static List<Accrued> day(ModelId model, List<MetricSeries> metrics, Instant capturedAt) {
        int burndown = model.outputBurndown();
        Instant dayStart = capturedAt.minus(Duration.ofDays(1));
        Map<Instant, Double> ending = new TreeMap<>();
        Map<Instant, Instant> since = new java.util.HashMap<>();
        for (MetricSeries series : metrics) {
            BedrockMetric metric = BedrockMetric.of(series.metricName()).orElse(null);
            if (!model.sameInvocation(series.modelId()) || metric == null || metric.isMantle()) {
                continue;
            }
            double weight = weight(metric, burndown);
            for (int i = 0; i < series.values().size(); i++) {
                Instant t = series.timestamps().get(i);
                if (weight > 0 && !t.isBefore(dayStart) && !t.isAfter(capturedAt)) {
                    Instant end = t.plusSeconds(series.periodSeconds());
                    Instant at = end.isAfter(capturedAt) ? capturedAt : end;
                    ending.merge(at, series.values().get(i) * weight, Double::sum);
                    since.merge(at, t, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        List<Accrued> out = new java.util.ArrayList<>();
        double total = 0;
        for (Map.Entry<Instant, Double> e : ending.entrySet()) {
            total += e.getValue();
            out.add(new Accrued(since.get(e.getKey()), e.getKey(), total));
        }
        return List.copyOf(out);
    }

    /** Settled tokens summed from the start of the 24 hours up to {@code at}, the end of a period begun {@code since}. */
    public record Accrued(Instant since, Instant at, double tokens) {
    }

    /** One minute of a workload's traffic as its quota counts it: what the report draws. */
    public record Minute(Instant at, double tokens, double throttles) {
    }

    /**
     * The per-minute series behind the peaks: settled tokens (input + cache write + output × burndown on
     * bedrock-runtime; input on bedrock-mantle) and throttles (mantle: its 4xx answers), minute by minute, oldest first.
     */
    public static List<Minute> minutes(ModelId model, List<MetricSeries> metrics, boolean mantle) {
        int burndown = model.outputBurndown();
        Map<Instant, double[]> at = new TreeMap<>();
        for (MetricSeries series : metrics) {
            if (!model.sameInvocation(series.modelId())) {
                continue;
            }
            BedrockMetric metric = BedrockMetric.of(series.metricName()).orElse(null);
            if (metric == null || metric.isMantle() != mantle) {
                continue;
            }
            double perMinute = 60.0 / series.periodSeconds();
            double weight = weight(metric, burndown);
            boolean throttle = metric == BedrockMetric.INVOCATION_THROTTLES || metric == BedrockMetric.MANTLE_CLIENT_ERRORS;
            for (int i = 0; i < series.values().size(); i++) {
                double[] m = at.computeIfAbsent(series.timestamps().get(i), t -> new double[2]);
                m[0] += series.values().get(i) * weight * perMinute;
                m[1] += throttle ? series.values().get(i) : 0;
            }
        }
        return at.entrySet().stream().map(e -> new Minute(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /**
     * What one token of this metric weighs against its quota: input and cache writes 1, output the model's burndown on
     * bedrock-runtime; input 1 on bedrock-mantle (its input quota); every other metric counts no tokens.
     */
    static double weight(BedrockMetric metric, int burndown) {
        return switch (metric) {
            case INPUT_TOKEN_COUNT, CACHE_WRITE_INPUT_TOKENS, MANTLE_INPUT_TOKENS -> 1;
            case OUTPUT_TOKEN_COUNT -> burndown;
            default -> 0;
        };
    }

    private static Optional<Double> median(java.util.Collection<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }
}
