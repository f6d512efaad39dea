package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.CallerIdentity;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.InferenceProfile;
import com.quotadoctor.domain.MetricSeries;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.domain.Operation;
import com.quotadoctor.domain.Probe;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.ListedQuota;
import com.quotadoctor.evidence.ListedRequest;
import com.quotadoctor.evidence.RegionCapture;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Collects the evidence for one diagnosis from AWS: every account (the collecting one, then each
 * configured role) in every region (the workload's, then the scanned ones), all in parallel. Each
 * operation's failure becomes a gap for that account and region alone; everything else is kept.
 */
public final class LiveCollector {

    private final CollectionSettings settings;
    private final AwsClients clients;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;
    private final ServiceQuotasPort serviceQuotas;
    private final MetricsPort metrics;
    private final CloudTrailPort cloudTrail;
    private final IdentityPort identity;
    private final ProbePort probes;
    private final InferenceProfilePort profiles;
    private final DefaultCatalogue catalogue;
    /** One lock per region: its default catalogue read once at a time (see {@link #defaults}). */
    private final Map<String, Object> catalogueReads = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Blocking calls, one thread each: kept across collections (a warm Lambda invocation reuses them, idle ones
     * end after a minute) and daemon threads, so the CLI exits when its work is done.
     */
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "collect");
        thread.setDaemon(true);
        return thread;
    });

    /** With the default catalogue kept in this process: a warm Lambda reads it once a day per region. */
    public LiveCollector(AwsClients clients, AwsCredentialsProvider credentials, CollectionSettings settings,
                         Clock clock) {
        this(clients, credentials, settings, clock, DefaultCatalogue.inMemory(clock));
    }

    public LiveCollector(AwsClients clients, AwsCredentialsProvider credentials, CollectionSettings settings,
                         Clock clock, DefaultCatalogue catalogue) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.clients = clients;
        this.credentials = credentials;
        this.clock = clock;
        this.serviceQuotas = new ServiceQuotasPort(clients);
        this.metrics = new MetricsPort(clients, settings);
        this.cloudTrail = new CloudTrailPort(clients, settings);
        this.identity = new IdentityPort(clients, settings.homeRegion());
        this.probes = new ProbePort(clients);
        this.profiles = new InferenceProfilePort(clients);
    }

    /**
     * One account's read of a region, or, when the run's budget is spent first, a gap standing for it: an endpoint
     * that answers every page slowly with a fresh token costs its region, not the run.
     */
    private RegionCapture within(CompletableFuture<RegionCapture> read, String region, long deadline) {
        try {
            return read.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            read.cancel(true);
            return new RegionCapture(region, Set.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(EvidenceGap.in(region, "Collection", EvidenceGap.RUN_BUDGET_SPENT,
                    "not read in full within the run's " + settings.runBudget().toSeconds() + " s budget; what this "
                            + "region had answered by then is not kept")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("collection interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Builds the home account's clients for these regions ahead of the first collection (SnapStart priming). */
    public void prepare(List<String> regions) {
        Access home = Access.home(credentials);
        regions.forEach(r -> clients.prepare(home, r));
    }

    /**
     * Reads the evidence for one diagnosis. The caller's identity comes first: credentials that AWS refuses stop
     * the run before any other call.
     *
     * @throws CredentialsRejectedException when the credentials are missing, expired or invalid
     */
    public Capture collect(DiagnosisRequest request) {
        return collect(request, Progress.NONE);
    }

    /** Told each time a unit of a read completes: one account's region, or (an organisation) one account. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void completed(int done, int total);
    }

    /** {@link #collect(DiagnosisRequest)}, telling {@code progress} as regions complete. */
    public Capture collect(DiagnosisRequest request, Progress progress) {
        // the budget is the whole run's: the caller's identity, roles and every region within it
        long deadline = System.nanoTime() + settings.runBudget().toNanos();
        Access home = Access.home(credentials);
        return collect(request, progress, home, caller(home, deadline), true, settings.roleArns(), deadline);
    }

    /**
     * Reads one member account of an organisation, and only it: through its read-only role {@code roleName}, or with
     * the caller's own credentials when the member is the caller's account. The capture's caller is the member, so
     * the plan's commands are addressed to it.
     *
     * @throws CredentialsRejectedException when the caller's own credentials are missing, expired or invalid
     */
    public Capture collectMember(DiagnosisRequest request, String account, String roleName, Progress progress) {
        long deadline = System.nanoTime() + settings.runBudget().toNanos();
        Access home = Access.home(credentials);
        Read<CallerIdentity> caller = caller(home, deadline);
        if (caller.value().filter(c -> c.account().equals(account)).isPresent()) {
            return collect(request, progress, home, caller, true, List.of(), deadline);
        }
        String partition = caller.value().map(c -> c.arn().split(":")).filter(p -> p.length > 1).map(p -> p[1])
                .orElse("aws");
        String role = "arn:" + partition + ":iam::" + account + ":role/" + roleName;
        Read<CallerIdentity> member = new Read<>(Optional.of(new CallerIdentity(account, role, "")), caller.gap());
        return collect(request, progress, home, member, false, List.of(role), deadline);
    }

    /** The caller's identity, within what is left of the run's budget; a silent STS is a gap, not a stalled run. */
    private Read<CallerIdentity> caller(Access home, long deadline) {
        CompletableFuture<Read<CallerIdentity>> call = CompletableFuture.supplyAsync(() -> caller(home), pool);
        try {
            return call.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            return new Read<>(Optional.empty(), Optional.of(EvidenceGap.accountWide(
                    Operation.GET_CALLER_IDENTITY.wireName(), "Timeout", "no answer within the run's "
                            + settings.runBudget().toSeconds() + " s budget")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("collection interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // refused credentials stop the run, as before
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Capture collect(DiagnosisRequest request, Progress progress, Access home, Read<CallerIdentity> caller,
                            boolean readHome, List<String> roles, long deadline) {
        // real time, not the clock: the budget bounds how long this run waits on AWS
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<String> regions = regions(request);
        List<CompletableFuture<Read<Access>>> accesses = new ArrayList<>();
        if (readHome) {
            accesses.add(CompletableFuture.completedFuture(new Read<>(Optional.of(home), Optional.empty())));
        }
        for (String role : roles) {
            accesses.add(CompletableFuture.supplyAsync(() -> assume(home, role), pool));
        }
        // phase 1 everywhere; phase 2 once every region and account has told which quotas matter
        List<Started> reads = new ArrayList<>();
        for (CompletableFuture<Read<Access>> access : accesses) {
            for (String region : regions) {
                reads.add(new Started(region, access.thenApply(a -> a.value().map(x -> phaseOne(x, region, request, now))
                        .orElse(null))));
            }
        }
        // a region slower than half the budget does not hold the others' phase 2: the interest is named from the
        // regions that have answered by then
        CompletableFuture<QuotaInterest> interest = CompletableFuture.allOf(reads.stream()
                        .map(r -> r.first().thenCompose(p -> p == null ? CompletableFuture.completedFuture(null) : p.done()))
                        .toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, settings.runBudget().toMillis() / 2, java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenApply(done -> QuotaInterest.of(request, reads.stream()
                        .filter(r -> r.first().isDone() && !r.first().isCompletedExceptionally())
                        .map(r -> r.first().join())
                        .filter(p -> p != null && p.done().isDone() && !p.done().isCompletedExceptionally())
                        .map(PhaseOne::capture).toList()));
        Map<String, List<CompletableFuture<RegionCapture>>> byRegion = new LinkedHashMap<>();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        for (Started read : reads) {
            byRegion.computeIfAbsent(read.region(), r -> new ArrayList<>()).add(read.first().thenCompose(p -> p == null
                    ? CompletableFuture.completedFuture(RegionCapture.empty(read.region()))
                    : phaseTwo(p, request, interest)).whenComplete((r, e) -> progress.completed(done.incrementAndGet(),
                    reads.size())));
        }
        Map<String, RegionCapture> captured = new LinkedHashMap<>();
        byRegion.forEach((region, perAccount) -> captured.put(region, perAccount.stream()
                .map(f -> within(f, region, deadline))
                .reduce(RegionCapture::plus)
                .orElse(RegionCapture.empty(region))));
        List<EvidenceGap> gaps = new ArrayList<>();
        caller.gap().ifPresent(gaps::add);
        accesses.forEach(a -> a.join().gap().ifPresent(gaps::add));
        return new Capture(now, caller.value(), captured, gaps, request);
    }

    /**
     * {@link #collect}, with refused credentials recorded as the one gap of an otherwise empty capture: a function
     * has no terminal to print one line on, so its diagnosis says it as a single INCOMPLETE_EVIDENCE finding.
     */
    public Capture collectOrRecord(DiagnosisRequest request) {
        return orRecord(request, () -> collect(request));
    }

    /** {@link #collectMember}, with refused credentials recorded as the one gap, as {@link #collectOrRecord} does. */
    public Capture collectMemberOrRecord(DiagnosisRequest request, String account, String roleName) {
        return orRecord(request, () -> collectMember(request, account, roleName, Progress.NONE));
    }

    private Capture orRecord(DiagnosisRequest request, Supplier<Capture> collection) {
        try {
            return collection.get();
        } catch (CredentialsRejectedException e) {
            return new Capture(clock.instant().truncatedTo(ChronoUnit.SECONDS), Optional.empty(), Map.of(),
                    List.of(EvidenceGap.accountWide(Operation.GET_CALLER_IDENTITY.wireName(), EvidenceGap.CREDENTIALS_REJECTED, e.getMessage())),
                    request);
        }
    }

    /** GetCallerIdentity needs no permission: when it fails for the credentials' sake, nothing else will work. */
    private Read<CallerIdentity> caller(Access home) {
        try {
            return new Read<>(Optional.of(identity.caller(home)), Optional.empty());
        } catch (RuntimeException e) {
            AwsFailure.credentialProblem(e).ifPresent(cause -> {
                throw new CredentialsRejectedException(cause, e);
            });
            return new Read<>(Optional.empty(), Optional.of(AwsFailure.accountWide(Operation.GET_CALLER_IDENTITY, home, e)));
        }
    }

    /**
     * The workload's regions first (they decide), then every scanned region (where approvals hide). A waiting loop's
     * later look re-reads only the failing calls' regions: its first look scanned everywhere, and what it waits for (a
     * pending or applying request on the quota that governs those calls) is in them.
     */
    private List<String> regions(DiagnosisRequest request) {
        if (request.attempt() > 1 && !request.regions().isEmpty()) {
            return List.copyOf(request.regions());
        }
        Set<String> regions = new LinkedHashSet<>(request.regions());
        regions.addAll(settings.scanRegions());
        return List.copyOf(regions);
    }

    private Read<Access> assume(Access home, String role) {
        try {
            return new Read<>(Optional.of(identity.assume(home, role)), Optional.empty());
        } catch (RuntimeException e) {
            EvidenceGap gap = AwsFailure.accountWide(Operation.ASSUME_ROLE, new Access(CollectionSettings.accountOf(role),
                    home.credentials()), e);
            return new Read<>(Optional.empty(), Optional.of(gap.withMessage("cannot assume " + role + ": " + gap.message()
                    + "; no region of this account was read")));
        }
    }

    /** A single value read from AWS, or the gap where it should be. */
    private record Read<T>(Optional<T> value, Optional<EvidenceGap> gap) {
    }

    /** One account's read of one region that phase 1 started. */
    private record Started(String region, CompletableFuture<PhaseOne> first) {
    }

    /**
     * Phase 1 of one account's read of one region, everywhere, all in parallel: the request history, CloudTrail's
     * failed calls, the models' metrics (once the failing models are known), the application profiles they use, the
     * probes. Whether phase 2 is needed here is known at once in the workload's regions, else from what phase 1
     * found; the default catalogue is read as soon as it is.
     */
    private record PhaseOne(Access access, String region, CompletableFuture<Pages.Listing<ListedRequest>> requests,
                            CompletableFuture<Pages.Listing<FailedCall>> failed,
                            CompletableFuture<Pages.Listing<MetricSeries>> series, CompletableFuture<List<Probe>> probed,
                            CompletableFuture<Pages.Listing<InferenceProfile>> described,
                            CompletableFuture<Boolean> needed, CompletableFuture<Pages.Listing<ListedQuota>> defaults) {

        CompletableFuture<Void> done() {
            return CompletableFuture.allOf(requests, failed, series, probed, described);
        }

        /** What phase 1 read, as a capture without quotas. */
        RegionCapture capture() {
            Set<EvidenceSection> collected = EnumSet.noneOf(EvidenceSection.class);
            List<EvidenceGap> errors = new ArrayList<>();
            List<ListedRequest> r = take(requests.join(), EvidenceSection.REQUESTED_CHANGES, collected, errors);
            List<FailedCall> f = take(failed.join(), EvidenceSection.FAILED_CALLS, collected, errors);
            List<MetricSeries> m = take(series.join(), EvidenceSection.METRICS, collected, errors);
            List<InferenceProfile> ip = described.join().items().isEmpty() && described.join().gap().isEmpty()
                    ? List.of() : take(described.join(), EvidenceSection.INFERENCE_PROFILES, collected, errors);
            List<Probe> p = probed.join();
            if (!p.isEmpty()) {
                collected.add(EvidenceSection.PROBES);
            }
            return new RegionCapture(region, collected, List.of(), List.of(), r, m, f, p, ip, errors);
        }
    }

    private PhaseOne phaseOne(Access access, String region, DiagnosisRequest request, Instant now) {
        var requests = async(() -> serviceQuotas.requests(access, region), region,
                Operation.LIST_REQUESTED_SERVICE_QUOTA_CHANGE_HISTORY, access, pool);
        var failed = async(() -> cloudTrail.failedCalls(access, region, now), region, Operation.LOOKUP_EVENTS, access, pool);
        var series = series(access, region, request, failed, now, pool);
        var probed = CompletableFuture.supplyAsync(() -> probe(access, region, request), pool);
        var described = failed.thenApplyAsync(calls -> profiles(access, region, request, calls.items()), pool);
        CompletableFuture<Boolean> needed = settings.quotasEverywhere() || request.regions().contains(region)
                ? CompletableFuture.completedFuture(true)
                : CompletableFuture.allOf(requests, failed, series).thenApply(done ->
                        matters(requests.join(), failed.join(), series.join()));
        var defaults = needed.thenCompose(need -> need
                ? async(() -> defaults(access, region), region, Operation.LIST_AWS_DEFAULT_SERVICE_QUOTAS, access, pool)
                : CompletableFuture.completedFuture(null));
        return new PhaseOne(access, region, requests, failed, series, probed, described, needed, defaults);
    }

    /**
     * Phase 2, only where it matters: the applied values, by code for the quotas phase 1 named (the calls' governing
     * quotas, the requests' quotas) when that takes fewer calls than the whole list, else the whole list.
     */
    private CompletableFuture<RegionCapture> phaseTwo(PhaseOne one, DiagnosisRequest request,
                                                      CompletableFuture<QuotaInterest> interest) {
        Access access = one.access();
        String region = one.region();
        // nothing in view anywhere (no model named, failing or carrying traffic, no request): no quota can govern
        // anything, so none is read; the sections are written as not read, as in a region that does not matter
        CompletableFuture<Applied> applied = one.needed().thenCombine(one.done(), (need, done) -> need)
                .thenCombine(interest, (need, wanted) -> need && !wanted.nothingInView())
                .thenCompose(need -> !need ? CompletableFuture.completedFuture((Applied) null)
                        : one.defaults().thenCombine(interest, (defaults, wanted) -> wanted.codesIn(region,
                                        defaults.items())
                                                .filter(codes -> !settings.quotasEverywhere() && codes.size() < pages(defaults.items().size())))
                        .thenApplyAsync(codes -> readApplied(access, region, codes), pool));
        return applied.thenApply(a -> {
            RegionCapture first = one.capture();
            if (a == null) {
                return new RegionCapture(region, first.collected(), List.of(), List.of(), first.requests(),
                        first.metrics(), first.failedCalls(), first.probes(), first.inferenceProfiles(), first.errors(),
                        EnumSet.of(EvidenceSection.SERVICE_QUOTAS, EvidenceSection.DEFAULT_QUOTAS));
            }
            Set<EvidenceSection> collected = EnumSet.noneOf(EvidenceSection.class);
            collected.addAll(first.collected());
            List<EvidenceGap> errors = new ArrayList<>();
            List<ListedQuota> ap = take(a.listing(), EvidenceSection.SERVICE_QUOTAS, collected, errors);
            List<ListedQuota> d = take(one.defaults().join(), EvidenceSection.DEFAULT_QUOTAS, collected, errors);
            errors.addAll(first.errors());
            return new RegionCapture(region, collected, ap, d, first.requests(), first.metrics(), first.failedCalls(),
                    first.probes(), first.inferenceProfiles(), errors, Set.of(), a.readByCode());
        });
    }

    /** The applied values read, and the codes read one by one (none when the whole list was read). */
    private record Applied(Pages.Listing<ListedQuota> listing, Set<String> readByCode) {
    }

    private Applied readApplied(Access access, String region, Optional<Set<String>> codes) {
        try {
            if (codes.isPresent()) {
                ServiceQuotasPort.ByCode read = serviceQuotas.appliedByCode(access, region, codes.get());
                return new Applied(read.listing(), read.read().isEmpty() ? Set.of() : read.read());
            }
            return new Applied(serviceQuotas.applied(access, region), Set.of());
        } catch (RuntimeException e) {
            return new Applied(new Pages.Listing<>(List.of(), Optional.of(AwsFailure.gap(region,
                    codes.isPresent() ? Operation.GET_SERVICE_QUOTA : Operation.LIST_SERVICE_QUOTAS, access, e))), Set.of());
        }
    }

    /** Calls to list a catalogue of this many quotas; unknown (empty) counts as many. */
    private static int pages(int quotas) {
        return quotas == 0 ? Integer.MAX_VALUE : (quotas + 99) / 100;
    }

    /** The region's default catalogue: kept for a day (the same for every account), read in full when not kept. */
    private Pages.Listing<ListedQuota> defaults(Access access, String region) {
        // one read per region at a time: the accounts of an organisation, collected together, wait for the first
        // one's read instead of each paging through the same catalogue
        synchronized (catalogueReads.computeIfAbsent(region, r -> new Object())) {
            Optional<List<ListedQuota>> kept = catalogue.get(region);
            if (kept.isPresent()) {
                return new Pages.Listing<>(kept.get(), Optional.empty());
            }
            Pages.Listing<ListedQuota> read = serviceQuotas.defaults(access, region);
            if (read.complete()) {
                catalogue.put(region, read.items());
            }
            return read;
        }
    }

    /** Whether phase 1 found something here that the quota catalogue must judge, or could not tell. */
    private static boolean matters(Pages.Listing<ListedRequest> requests, Pages.Listing<FailedCall> failed,
                                   Pages.Listing<MetricSeries> series) {
        boolean unknown = requests.gap().isPresent() || failed.gap().isPresent() || series.gap().isPresent();
        boolean traffic = series.items().stream().anyMatch(s -> s.values().stream().anyMatch(v -> v > 0));
        return unknown || requests.items().stream().anyMatch(ListedRequest::isBedrock) || !failed.items().isEmpty()
                || traffic;
    }

    /** A section counts as collected when anything of it could be read; what could not is a gap beside it. */
    private static <T> List<T> take(Pages.Listing<T> listing, EvidenceSection section, Set<EvidenceSection> collected,
                                    List<EvidenceGap> errors) {
        if (listing.complete() || !listing.items().isEmpty()) {
            collected.add(section);
        }
        listing.gap().ifPresent(errors::add);
        return listing.items();
    }

    /**
     * The named models' series are read at once, beside CloudTrail; a model only CloudTrail names costs one more
     * call after it. With no model named, CloudTrail's models and those Metrics Insights finds throttled are read.
     */
    private CompletableFuture<Pages.Listing<MetricSeries>> series(Access access, String region, DiagnosisRequest request,
                                                                CompletableFuture<Pages.Listing<FailedCall>> failed,
                                                                Instant now, ExecutorService pool) {
        Set<String> named = invoked(request);
        if (named.isEmpty()) {
            return failed.thenApplyAsync(calls -> metricsFor(access, region, modelsOf(calls.items()), now, true), pool);
        }
        return CompletableFuture.supplyAsync(() -> metricsFor(access, region, named, now, false), pool)
                .thenCombineAsync(failed, (first, calls) -> {
                    Set<String> more = modelsOf(calls.items());
                    more.removeAll(named);
                    if (more.isEmpty()) {
                        return first;
                    }
                    Pages.Listing<MetricSeries> added = metricsFor(access, region, more, now, false);
                    List<MetricSeries> all = new ArrayList<>(first.items());
                    all.addAll(added.items());
                    return new Pages.Listing<>(all, first.gap().or(added::gap));
                }, pool);
    }

    private static Set<String> modelsOf(List<FailedCall> calls) {
        Set<String> models = new LinkedHashSet<>();
        calls.forEach(c -> c.modelId().ifPresent(models::add));
        return models;
    }

    private static Set<String> invoked(DiagnosisRequest request) {
        Set<String> models = new LinkedHashSet<>();
        request.models().forEach(m -> models.add(m.invokedId()));
        return models;
    }

    /**
     * The series of these models and, when the trigger named none ({@code discover}), of every model Metrics Insights
     * finds throttled within the look back, whatever CloudTrail kept. bedrock-mantle's models are read only where its
     * account-wide 4xx count says some failed (two calls more there, none elsewhere).
     */
    private Pages.Listing<MetricSeries> metricsFor(Access access, String region, Set<String> named, Instant now,
                                                  boolean discover) {
        try {
            Set<String> models = new LinkedHashSet<>(named);
            Optional<EvidenceGap> gap = Optional.empty();
            boolean mantle = false;
            if (discover) {
                Pages.Listing<MetricsPort.Discovery> found = metrics.discover(access, region, now);
                gap = found.gap();
                for (MetricsPort.Discovery d : found.items()) {
                    models.addAll(d.throttled());
                    mantle |= d.mantleErrors();
                }
            }
            List<MetricSeries> all = new ArrayList<>();
            if (!models.isEmpty()) {
                Pages.Listing<MetricSeries> read = metrics.series(access, region, models, now);
                all.addAll(read.items());
                Optional<EvidenceGap> before = gap;
                gap = read.gap().or(() -> before);
            }
            if (mantle) {
                Pages.Listing<String> erring = metrics.mantleModels(access, region, now);
                if (!erring.items().isEmpty()) {
                    Pages.Listing<MetricSeries> read = metrics.mantleSeries(access, region, erring.items(), now);
                    all.addAll(read.items());
                    gap = gap.or(read::gap);
                }
                gap = gap.or(erring::gap);
            }
            return new Pages.Listing<>(all, gap);
        } catch (RuntimeException e) {
            return new Pages.Listing<>(List.of(), Optional.of(AwsFailure.gap(region, Operation.GET_METRIC_DATA, access, e)));
        }
    }

    /**
     * The application inference profiles of this region that the named or failing calls use, each described
     * once: a profile lives in the region its ARN names.
     */
    private Pages.Listing<InferenceProfile> profiles(Access access, String region, DiagnosisRequest request,
                                                     List<FailedCall> calls) {
        List<ModelId> used = new ArrayList<>(request.models());
        for (FailedCall call : calls) {
            call.modelId().flatMap(LiveCollector::modelId).ifPresent(used::add);
        }
        Set<String> arns = new LinkedHashSet<>();
        used.stream().filter(ModelId::isApplicationProfile).filter(m -> m.region().map(region::equals).orElse(false))
                .forEach(m -> arns.add(m.raw()));
        return arns.isEmpty() ? new Pages.Listing<>(List.of(), Optional.empty()) : profiles.describe(access, region, arns);
    }

    /** A model identifier CloudTrail recorded, when it is one (a malformed one names no profile to resolve). */
    private static Optional<ModelId> modelId(String recorded) {
        try {
            return Optional.of(ModelId.parse(recorded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Probes only where the workload runs, for the models it names, and only when asked for. */
    private List<Probe> probe(Access access, String region, DiagnosisRequest request) {
        if (!settings.probe() || access.account().isPresent() || !request.regions().contains(region)) {
            return List.of();
        }
        return request.models().stream().map(ModelId::invokedId).distinct()
                .map(model -> probes.probe(access, region, model))
                .toList();
    }

    /** A port that throws instead of returning a gap still costs only its own section. */
    private static <T> CompletableFuture<Pages.Listing<T>> async(Supplier<Pages.Listing<T>> read, String region,
                                                                 Operation operation, Access access, ExecutorService pool) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return read.get();
            } catch (RuntimeException e) {
                return new Pages.Listing<>(List.of(), Optional.of(AwsFailure.gap(region, operation, access, e)));
            }
        }, pool);
    }
}
