package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.BedrockMetric;

import com.quotadoctor.domain.Operation;

import com.quotadoctor.domain.MetricSeries;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.RecentlyActive;
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
 * {@code AWS/Bedrock} metrics per {@code ModelId}: one {@code GetMetricData} call carries up to 500 series,
 * so a region's models usually cost one call. Per-minute sums over the whole window give both the
 * per-minute peaks and the daily totals, so one window serves the TPM and the TPD quotas.
 */
final class MetricsPort {

    static final String NAMESPACE = BedrockMetric.NAMESPACE;
    static final List<String> METRICS = java.util.Arrays.stream(BedrockMetric.values()).map(BedrockMetric::wireName).toList();
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
        List<Query> queries = new ArrayList<>();
        for (String model : new LinkedHashSet<>(modelIds)) {
            for (String metric : METRICS) {
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

    /** The model ids with throttles lately: what to read when nobody named a model. */
    Pages.Listing<String> throttledModels(Access access, String region) {
        var client = clients.cloudWatch(access, region);
        Pages.Listing<String> listed = clients.list(access, region, Operation.LIST_METRICS, MAX_PAGES, token -> {
            var page = client.listMetrics(b -> b.namespace(NAMESPACE).metricName(BedrockMetric.INVOCATION_THROTTLES.wireName())
                    .dimensions(DimensionFilter.builder().name("ModelId").build())
                    .recentlyActive(RecentlyActive.PT3_H).nextToken(token));
            EmptyResponseException.requirePresent(page.hasMetrics(), Operation.LIST_METRICS, "Metrics");
            return new Pages.Page<>(page.metrics().stream()
                    .flatMap(m -> m.dimensions().stream())
                    .filter(d -> d.name().equals("ModelId"))
                    .map(Dimension::value)
                    .toList(), page.nextToken());
        });
        return new Pages.Listing<>(List.copyOf(new LinkedHashSet<>(listed.items())), listed.gap());
    }

    private Pages.Listing<MetricDataResult> read(Access access, String region, List<Query> batch, Instant start,
                                                Instant end) {
        var client = clients.cloudWatch(access, region);
        List<MetricDataQuery> queries = batch.stream().map(q -> MetricDataQuery.builder()
                .id(q.id())
                .label(q.metric() + " " + q.model())
                .returnData(true)
                .metricStat(s -> s.period(PERIOD_SECONDS).stat("Sum").metric(m -> m.namespace(NAMESPACE)
                        .metricName(q.metric())
                        .dimensions(Dimension.builder().name("ModelId").value(q.model()).build())))
                .build()).toList();
        return clients.list(access, region, Operation.GET_METRIC_DATA, MAX_PAGES, token -> {
            var page = client.getMetricData(b -> b.metricDataQueries(queries).startTime(start).endTime(end)
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(token));
            EmptyResponseException.requirePresent(page.hasMetricDataResults(), Operation.GET_METRIC_DATA, "MetricDataResults");
            return new Pages.Page<>(page.metricDataResults(), page.nextToken());
        });
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
    }
}
