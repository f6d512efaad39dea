package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.BedrockMetric;

import com.quotadoctor.domain.Operation;

import com.quotadoctor.domain.MetricSeries;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code AWS/Bedrock} metrics per {@code ModelId} (and bedrock-mantle's {@code AWS/BedrockMantle} per {@code Model}):
 * one {@code GetMetricData} call carries up to 500 series,
 * so a region's models usually cost one call. Per-minute sums over the whole window give both the
 * per-minute peaks and the daily totals, so one window serves the TPM and the TPD quotas.
 */
final class MetricsPort {

    static final String NAMESPACE = BedrockMetric.NAMESPACE;
    static final List<String> METRICS = java.util.Arrays.stream(BedrockMetric.values()).filter(m -> !m.isMantle())
            .map(BedrockMetric::wireName).toList();
    static final List<String> MANTLE_METRICS = java.util.Arrays.stream(BedrockMetric.values()).filter(BedrockMetric::isMantle)
            .map(BedrockMetric::wireName).toList();
    /**
     * Every model throttled in the region, whatever CloudTrail kept: the query the stack's all-models alarm uses, grouped
     * by model (CloudWatch User Guide, "Metrics Insights query components and syntax"; at most 500 series, the top ones).
     */
    static final String THROTTLED_BY_MODEL = "SELECT SUM(InvocationThrottles) FROM SCHEMA(\"AWS/Bedrock\", ModelId) "
            + "GROUP BY ModelId ORDER BY SUM() DESC LIMIT 500";
    /** bedrock-mantle publishes no throttle count: its 4xx answers, which hold its 429s, per model. */
    static final String MANTLE_ERRORS_BY_MODEL = "SELECT SUM(InferenceClientErrors) FROM SCHEMA(\"AWS/BedrockMantle\", Model) "
            + "GROUP BY Model ORDER BY SUM() DESC LIMIT 500";
    private static final String DISCOVERY = "discovered";
    /**
     * How far back a Metrics Insights query reads: the API reference says "the most recent three hours" (the User Guide
     * says two weeks); the narrower one is kept. A longer look back still counts the found models' older throttles,
     * read from their own series over the metric window.
     */
    static final java.time.Duration INSIGHTS_WINDOW = java.time.Duration.ofHours(3);
    private static final String MANTLE_PROBE = "mantleerrors";
    private static final int QUERIES_PER_CALL = 500;
    private static final int PERIOD_SECONDS = 60;
    private static final int MAX_PAGES = 20;

    private final AwsClients clients;
    private final CollectionSettings settings;

    MetricsPort(AwsClients clients, CollectionSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    Pages.Listing<MetricSeries> series(Access access, String region, Collection<String> modelIds, Instant now) {
        return series(access, region, modelIds, METRICS, now);
    }

    /** bedrock-mantle's series of these models ({@code Model} dimension). */
    Pages.Listing<MetricSeries> mantleSeries(Access access, String region, Collection<String> models, Instant now) {
        return series(access, region, models, MANTLE_METRICS, now);
    }

    private Pages.Listing<MetricSeries> series(Access access, String region, Collection<String> modelIds,
                                               List<String> metrics, Instant now) {
        List<Query> queries = new ArrayList<>();
        for (String model : new LinkedHashSet<>(modelIds)) {
            for (String metric : metrics) {
                queries.add(new Query("m" + queries.size(), metric, model));
            }
        }
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(settings.metricWindow());
        List<MetricSeries> series = new ArrayList<>();
        for (int from = 0; from < queries.size(); from += QUERIES_PER_CALL) {
            List<Query> batch = queries.subList(from, Math.min(queries.size(), from + QUERIES_PER_CALL));
            Pages.Listing<MetricDataResult> results = read(access, region, batch, start, end);
            series.addAll(assemble(batch, results.items(), access.account()));
            if (!results.complete()) {
                return new Pages.Listing<>(series, results.gap());
            }
            Set<String> bad = unreadable(results.items());
            if (!bad.isEmpty()) {
                // a series CloudWatch could not read is missing, not zero: it is left out and said
                series.removeIf(m -> batch.stream().anyMatch(q -> bad.contains(q.id()) && q.metric().equals(m.metricName())
                        && q.model().equals(m.modelId())));
                return new Pages.Listing<>(series, Optional.of(failed(access, region, batch, results.items(), bad)));
            }
        }
        return new Pages.Listing<>(series, Optional.empty());
    }

    /**
     * The series CloudWatch says it could not read ({@code StatusCode} {@code InternalError} or {@code Forbidden} on any
     * page). {@code PartialData} only means more pages follow, and every page is read (a listing cut short is its own
     * gap).
     */
    private static Set<String> unreadable(List<MetricDataResult> results) {
        Set<String> bad = new java.util.LinkedHashSet<>();
        for (MetricDataResult r : results) {
            String status = r.statusCodeAsString();
            if ("InternalError".equals(status) || "Forbidden".equals(status)) {
                bad.add(r.id());
            }
        }
        return bad;
    }

    private static com.quotadoctor.domain.EvidenceGap failed(Access access, String region, List<Query> batch,
                                                            List<MetricDataResult> results, Set<String> bad) {
        Map<String, String> status = new LinkedHashMap<>();
        results.stream().filter(r -> bad.contains(r.id())).forEach(r -> status.putIfAbsent(r.id(), r.statusCodeAsString()));
        List<String> named = batch.stream().filter(q -> bad.contains(q.id()))
                .map(q -> q.metric() + " of " + q.model() + " (" + status.get(q.id()) + ")").toList();
        return com.quotadoctor.domain.EvidenceGap.in(region, Operation.GET_METRIC_DATA.wireName(),
                "SeriesNotComplete", "CloudWatch did not return these series whole, so they are missing, not zero: "
                        + String.join(", ", named), access.account());
    }

    /**
     * What one region's metrics hold before any model is named: one {@code GetMetricData} with a Metrics Insights query
     * naming every model throttled within the look back, and bedrock-mantle's account-wide 4xx count beside it (a
     * metric-stat query: one Insights query per call is CloudWatch's limit).
     *
     * @param throttled    the {@code ModelId}s with throttles, most first
     * @param mantleErrors whether bedrock-mantle answered any 4xx in the region within the look back
     */
    record Discovery(List<String> throttled, boolean mantleErrors) {
    }

    Pages.Listing<Discovery> discover(Access access, String region, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(insightsWindow());
        List<MetricDataQuery> queries = List.of(insights(DISCOVERY, THROTTLED_BY_MODEL), mantleProbe());
        Pages.Listing<MetricDataResult> results = page(access, region, queries, start, end);
        List<String> throttled = grouped(results.items(), DISCOVERY);
        boolean mantle = results.items().stream().filter(r -> MANTLE_PROBE.equals(r.id()))
                .anyMatch(r -> r.values().stream().anyMatch(v -> v > 0));
        return new Pages.Listing<>(List.of(new Discovery(throttled, mantle)), results.gap());
    }

    /** The bedrock-mantle models that answered 4xx within the look back (Metrics Insights, grouped by {@code Model}). */
    Pages.Listing<String> mantleModels(Access access, String region, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        Pages.Listing<MetricDataResult> results = page(access, region,
                List.of(insights(DISCOVERY, MANTLE_ERRORS_BY_MODEL)), end.minus(insightsWindow()), end);
        return new Pages.Listing<>(grouped(results.items(), DISCOVERY), results.gap());
    }

    private java.time.Duration insightsWindow() {
        return settings.failedCallWindow().compareTo(INSIGHTS_WINDOW) < 0 ? settings.failedCallWindow() : INSIGHTS_WINDOW;
    }

    private static MetricDataQuery insights(String id, String query) {
        return MetricDataQuery.builder().id(id).expression(query).period(PERIOD_SECONDS).returnData(true).build();
    }

    private static MetricDataQuery mantleProbe() {
        return MetricDataQuery.builder().id(MANTLE_PROBE).returnData(true)
                .metricStat(s -> s.period(PERIOD_SECONDS).stat("Sum").metric(m -> m
                        .namespace(BedrockMetric.MANTLE_NAMESPACE)
                        .metricName(BedrockMetric.MANTLE_CLIENT_ERRORS.wireName()))).build();
    }

    /**
     * The group values of a GROUP BY query, those with a non-zero sum, largest first. AWS documents that GROUP BY
     * "returns a different time series for each value" but not how GetMetricData labels them; each is read as labelled
     * by its group's value (as CloudWatch's console shows it), held to the model id pattern, anything else left out
     * (docs/bedrock-quotas.md §4, UNVERIFIED against a live account).
     */
    private static List<String> grouped(List<MetricDataResult> results, String id) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (MetricDataResult r : results) {
            if (id.equals(r.id()) && r.label() != null && com.quotadoctor.domain.AwsId.MODEL.matches(r.label())) {
                sums.merge(r.label(), r.values().stream().mapToDouble(Double::doubleValue).sum(), Double::sum);
            }
        }
        return sums.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }

    private Pages.Listing<MetricDataResult> page(Access access, String region, List<MetricDataQuery> queries,
                                                 Instant start, Instant end) {
        var client = clients.cloudWatch(access, region);
        return clients.list(access, region, Operation.GET_METRIC_DATA, MAX_PAGES, token -> {
            var page = client.getMetricData(b -> b.metricDataQueries(queries).startTime(start).endTime(end)
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(token));
            EmptyResponseException.requirePresent(page.hasMetricDataResults(), Operation.GET_METRIC_DATA, "MetricDataResults");
            return new Pages.Page<>(page.metricDataResults(), page.nextToken());
        });
    }

    private Pages.Listing<MetricDataResult> read(Access access, String region, List<Query> batch, Instant start,
                                                Instant end) {
        var client = clients.cloudWatch(access, region);
        List<MetricDataQuery> queries = batch.stream().map(q -> MetricDataQuery.builder()
                .id(q.id())
                .label(q.metric() + " " + q.model())
                .returnData(true)
                .metricStat(s -> s.period(PERIOD_SECONDS).stat("Sum").metric(m -> m.namespace(q.kind().namespace())
                        .metricName(q.metric())
                        .dimensions(Dimension.builder().name(q.kind().modelDimension()).value(q.model()).build())))
                .build()).toList();
        return page(access, region, queries, start, end);
    }

    /** A series may come in pieces across pages; empty series are left out, as CloudWatch has no data for them. */
    private static List<MetricSeries> assemble(List<Query> batch, List<MetricDataResult> results,
                                               Optional<String> account) {
        Map<String, List<Instant>> times = new LinkedHashMap<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (MetricDataResult r : results) {
            times.computeIfAbsent(r.id(), id -> new ArrayList<>()).addAll(r.timestamps());
            values.computeIfAbsent(r.id(), id -> new ArrayList<>()).addAll(r.values());
        }
        List<MetricSeries> series = new ArrayList<>();
        for (Query q : batch) {
            List<Instant> t = times.getOrDefault(q.id(), List.of());
            if (!t.isEmpty()) {
                series.add(new MetricSeries(q.metric(), q.model(), "Sum", PERIOD_SECONDS, t, values.get(q.id()), account));
            }
        }
        return series;
    }

    private record Query(String id, String metric, String model) {

        BedrockMetric kind() {
            return BedrockMetric.of(metric).orElseThrow();
        }
    }
}
