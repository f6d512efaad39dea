package com.quotadoctor.evidence.aws;

import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubWorld;

import com.quotadoctor.evidence.Capture;
import com.quotadoctor.watch.RequestWatcher;
import com.quotadoctor.watch.StatusLedger;
import com.quotadoctor.watch.WatchReport;
import com.quotadoctor.watch.aws.EventBridgeStatusEvents;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Live collection over a realistic stub account (17 regions, 1,000+ quotas each, 90 days of requests):
 * calls per operation beside the minimum the data needs, calls throttled by a stub enforcing AWS's
 * published rates, and the fan-out: 17 regions against 1 with latency added to every call.
 * Run with {@code bench/collection.sh}; it is a benchmark, not a test.
 */
public final class CollectionBench {

    private CollectionBench() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("floor")) {
            floorOfOneRegion();
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> all = CollectionSettings.BEDROCK_REGIONS;

        DefaultCatalogue kept = DefaultCatalogue.inMemory(StubWorld.CLOCK);
        for (String cache : List.of("cold", "warm")) {
            try (StubAws aws = new StubAws(StubWorld.home(all)).enforcingPublishedRates()) {
                long started = System.nanoTime();
                Capture capture = collect(aws, all, kept);
                long ms = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("## One diagnosis, %d regions, %d quotas per region, default catalogue %s "
                        + "(stub enforcing published rates)%n%n", all.size(),
                        StubWorld.home(all).region("eu-north-1").defaults().size(), cache);
                System.out.println("| operation | calls | minimum the data needs |");
                System.out.println("|---|---:|---:|");
                Map<String, Integer> minimum = minimum(capture, all.size(), cache.equals("warm"));
                aws.callsPerOperation().forEach((op, n) -> System.out.printf("| %s | %d | %d |%n", op, n,
                        minimum.getOrDefault(op, -1)));
                int total = aws.callsPerOperation().values().stream().mapToInt(Integer::intValue).sum();
                System.out.printf("| **all** | **%d** | %d |%n", total,
                        minimum.values().stream().mapToInt(Integer::intValue).sum());
                System.out.printf("%nthrottled calls: %d; evidence gaps: %d; wall time: %d ms; pacing floor: %d ms "
                                + "(the slowest region's calls of one operation spaced at AWS's published rate, no burst)%n%n", aws.throttledCalls(), capture.evidence().allGaps().size(), ms,
                        pacingFloor(aws));
            }
        }

        // a scheduled sweep names no model: Metrics Insights finds the throttled ones in every region
        try (StubAws aws = new StubAws(StubWorld.home(all)).enforcingPublishedRates()) {
            long started = System.nanoTime();
            CollectionSettings settings = StubWorld.settings(all).withTimeouts(5, Duration.ofSeconds(10),
                    Duration.ofSeconds(60));
            Capture capture;
            try (AwsClients clients = new AwsClients(settings, Optional.of(aws.endpoint()))) {
                capture = new LiveCollector(clients, LiveRun.credentials(), settings, StubWorld.CLOCK, kept)
                        .collect(com.quotadoctor.domain.DiagnosisRequest.forAccount(StubWorld.HOME));
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("## One scheduled sweep naming no model, %d regions, default catalogue warm%n%n", all.size());
            System.out.println("| operation | calls |");
            System.out.println("|---|---:|");
            aws.callsPerOperation().forEach((op, n) -> System.out.printf("| %s | %d |%n", op, n));
            System.out.printf("| **all** | **%d** |%n%nthrottled calls: %d; evidence gaps: %d; wall time: %d ms%n%n",
                    aws.callsPerOperation().values().stream().mapToInt(Integer::intValue).sum(), aws.throttledCalls(),
                    capture.evidence().allGaps().size(), ms);
        }

        StubAccount watched = StubWorld.home(all);
        try (StubAws aws = new StubAws(watched).enforcingPublishedRates()) {
            WatchReport report = sweep(aws, all);
            // every region's history (130 requests in us-east-1: 2 pages); applied values only where requests are
            Map<String, Integer> minimum = Map.of(
                    "ListRequestedServiceQuotaChangeHistory", all.size() + 1,
                    "ListServiceQuotas", pages(watched.region(StubWorld.APPROVED_IN).applied().size(), 100),
                    "PutEvents", pages(report.emitted().size(), 10));
            System.out.printf("## One Watch sweep, %d regions (stub enforcing published rates)%n%n", all.size());
            System.out.println("| operation | calls | minimum the data needs |");
            System.out.println("|---|---:|---:|");
            aws.callsPerOperation().forEach((op, n) -> System.out.printf("| %s | %d | %d |%n", op, n,
                    minimum.getOrDefault(op, -1)));
            System.out.printf("%nrequests seen: %d; changes announced: %d; throttled calls: %d%n%n", report.requests(),
                    report.emitted().size(), aws.throttledCalls());
        }

        System.out.println("## Fan-out with 100 ms added to every call (median of " + runs + ")");
        System.out.println();
        long one = median(runs, List.of(StubWorld.FAILING_IN));
        long seventeen = median(runs, all);
        System.out.printf("| regions | wall time |%n|---:|---:|%n| 1 | %d ms |%n| 17 | %d ms |%n%nratio 17/1: %.2f%n",
                one, seventeen, seventeen / (double) one);
    }

    /**
     * Per operation, the fewest calls that return this data: one per page of each list, at least one per list; one
     * per quota read by code; no default catalogue when it is kept.
     */
    private static Map<String, Integer> minimum(Capture capture, int regions, boolean catalogueKept) {
        Map<String, Integer> min = new TreeMap<>();
        min.put("GetCallerIdentity", 1);
        capture.regions().values().forEach(r -> {
            // phase 2 reads the catalogue only where phase 1 found something to judge
            boolean read = !r.notNeeded().contains(com.quotadoctor.domain.EvidenceSection.SERVICE_QUOTAS);
            if (read && r.readByCode().isEmpty()) {
                min.merge("ListServiceQuotas", pages(r.applied().size(), 100), Integer::sum);
            }
            min.merge("GetServiceQuota", read ? r.readByCode().size() : 0, Integer::sum);
            if (!catalogueKept) {
                min.merge("ListAWSDefaultServiceQuotas", read ? pages(r.defaults().size(), 100) : 0, Integer::sum);
            }
            min.merge("ListRequestedServiceQuotaChangeHistory", pages(r.requests().size(), 100), Integer::sum);
            min.merge("GetMetricData", 1, Integer::sum);
        });
        // every Bedrock event in the window is listed, not only the failed ones
        min.put("LookupEvents", regions - 1 + pages(StubWorld.SUCCESSFUL_CALLS + StubWorld.FAILED_CALLS, 50));
        min.values().removeIf(n -> n == 0);
        return min;
    }

    /**
     * The least time the calls made can take at AWS's published rates, assuming no burst: per region and operation,
     * the calls after the first spaced at the rate; the slowest of those, as regions and operations run in parallel.
     */
    static long pacingFloor(StubAws aws) {
        return aws.callsPerRegionAndOperation().entrySet().stream().mapToLong(e -> {
            String operation = e.getKey().split(" ")[1];
            double rate = java.util.Arrays.stream(com.quotadoctor.domain.Operation.values()).filter(o -> o.is(operation))
                    .mapToDouble(com.quotadoctor.domain.Operation::perSecond).findFirst().orElse(0);
            return rate == 0 ? 0 : (long) ((e.getValue() - 1) / rate * 1000);
        }).max().orElse(0);
    }

    /** The pacing floor of one cold diagnosis reading the workload region only: what the Lambda's first call waits. */
    private static void floorOfOneRegion() {
        List<String> one = List.of(StubWorld.FAILING_IN);
        try (StubAws aws = new StubAws(StubWorld.home(one)).enforcingPublishedRates()) {
            collect(aws, one);
            System.out.println("floor_ms=" + pacingFloor(aws) + " calls=" + aws.callsPerOperation());
        }
    }

    private static int pages(int items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }

    private static long median(int runs, List<String> regions) {
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            try (StubAws aws = new StubAws(StubWorld.home(regions)).withLatency(100)) {
                long started = System.nanoTime();
                collect(aws, regions);
                times[i] = (System.nanoTime() - started) / 1_000_000;
            }
        }
        java.util.Arrays.sort(times);
        return times[runs / 2];
    }

    private static WatchReport sweep(StubAws aws, List<String> regions) {
        var credentials = LiveRun.credentials();
        Map<String, String> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, StatusLedger.Applied> applied = new java.util.concurrent.ConcurrentHashMap<>();
        StatusLedger memory = new StatusLedger() {
            @Override
            public Optional<String> last(String requestId) {
                return Optional.ofNullable(statuses.get(requestId));
            }

            @Override
            public void record(String requestId, String status, java.time.Instant now) {
                statuses.put(requestId, status);
            }

            @Override
            public Optional<Applied> lastApplied(String quotaKey) {
                return Optional.ofNullable(applied.get(quotaKey));
            }

            @Override
            public void recordApplied(String quotaKey, double value, java.time.Instant now) {
                applied.put(quotaKey, new Applied(value, now));
            }
        };
        try (AwsClients clients = new AwsClients(StubWorld.settings(regions), Optional.of(aws.endpoint()));
             EventBridgeClient events = EventBridgeClient.builder().endpointOverride(aws.endpoint())
                     .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentialsProvider(credentials).build()) {
            return new RequestWatcher(new RequestHistoryReader(clients, credentials)::read, memory,
                    new EventBridgeStatusEvents(events, "default"), StubWorld.CLOCK, Duration.ofHours(24)).sweep(regions);
        }
    }

    private static Capture collect(StubAws aws, List<String> regions) {
        return collect(aws, regions, DefaultCatalogue.inMemory(StubWorld.CLOCK));
    }

    private static Capture collect(StubAws aws, List<String> regions, DefaultCatalogue catalogue) {
        CollectionSettings settings = StubWorld.settings(regions).withTimeouts(5, Duration.ofSeconds(10),
                Duration.ofSeconds(60));
        try (AwsClients clients = new AwsClients(settings, Optional.of(aws.endpoint()))) {
            return new LiveCollector(clients, LiveRun.credentials(), settings, StubWorld.CLOCK, catalogue)
                    .collect(StubWorld.request());
        }
    }
}
