package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.domain.ModelName;
import com.quotadoctor.domain.Probe;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMetric;
import com.quotadoctor.domain.RegionEvidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the rules judge: the request, the evidence, the instant, and what follows from them once —
 * the failing contexts (workloads) and every relevant increase request set against them.
 */
public final class Situation {

    private final DiagnosisRequest request;
    private final Evidence evidence;
    private final Settings settings;
    private final List<Workload> workloads;
    private final List<Assessment> assessments;

    private Situation(DiagnosisRequest request, Evidence evidence, Settings settings) {
        this.request = request;
        this.evidence = evidence;
        this.settings = settings;
        this.workloads = findWorkloads();
        this.assessments = assess();
    }

    public static Situation of(DiagnosisRequest request, Evidence evidence, Settings settings) {
        return new Situation(request, evidence, settings);
    }

    public DiagnosisRequest request() {
        return request;
    }

    public Evidence evidence() {
        return evidence;
    }

    public Settings settings() {
        return settings;
    }

    /** Every age is judged against the capture time, so a replayed snapshot gives the same answer. */
    public Instant now() {
        return evidence.capturedAt();
    }

    public List<Workload> workloads() {
        return workloads;
    }

    public List<Assessment> assessments() {
        return assessments;
    }

    public List<Assessment> onTarget() {
        return assessments.stream().filter(Assessment::onTarget).toList();
    }

    /** Whether every region's request history was read, so "no request" is a fact rather than a blind spot. */
    public boolean requestHistoryComplete() {
        return !evidence.regions().isEmpty()
                && evidence.regions().values().stream().allMatch(r -> r.has(EvidenceSection.REQUESTED_CHANGES)
                && r.errors().stream().noneMatch(e -> e.source().equals(EvidenceSection.REQUESTED_CHANGES.operation())));
    }

    /**
     * Every gap: what the evidence says it could not read, plus what the request asks about that the
     * evidence does not cover (a region never read, a model id that names no model, a request id not found).
     */
    public List<EvidenceGap> gaps() {
        List<EvidenceGap> gaps = new ArrayList<>(evidence.allGaps());
        for (String region : request.regions()) {
            if (evidence.region(region).isEmpty()) {
                gaps.add(new EvidenceGap(region, "regions", EvidenceGap.NOT_COLLECTED,
                        "the failing calls are said to run in " + region + " but the evidence holds nothing for it"));
            }
        }
        for (ModelId model : request.models()) {
            if (model.name().isEmpty()) {
                gaps.add(new EvidenceGap(model.region().orElse("global"), "GetInferenceProfile", "UnresolvedModel",
                        model.raw() + " names no foundation model; its quotas cannot be matched until it is resolved"));
            }
        }
        request.requestId().ifPresent(id -> {
            if (evidence.requests().noneMatch(r -> r.id().equals(id))) {
                gaps.add(new EvidenceGap("all", EvidenceSection.REQUESTED_CHANGES.snapshotField(), "RequestNotFound",
                        "increase request " + id + " is in no region's request history"));
            }
        });
        return gaps;
    }

    /** The account the evidence was collected in. */
    public Optional<String> callerAccount() {
        return evidence.caller().map(c -> c.account());
    }

    // ---- workloads -------------------------------------------------------------------------

    private List<Workload> findWorkloads() {
        List<FailedCall> quotaFailures = evidence.failedCalls()
                .filter(c -> ErrorSignal.isQuotaError(c.errorCode()))
                .filter(c -> request.models().isEmpty() || c.modelId().isEmpty()
                        || request.models().stream().anyMatch(m -> m.sameInvocation(c.modelId().get())))
                .toList();
        Map<String, List<FailedCall>> byContext = new LinkedHashMap<>();
        Map<String, ModelId> modelOf = new LinkedHashMap<>();
        for (FailedCall call : quotaFailures) {
            for (ModelId model : modelsOf(call)) {
                String account = call.account().or(request::account).or(this::callerAccount).orElse("");
                String key = account + "|" + call.region() + "|" + model.invokedId();
                byContext.computeIfAbsent(key, k -> new ArrayList<>()).add(call);
                modelOf.putIfAbsent(key, model);
            }
        }
        List<Workload> found = new ArrayList<>();
        byContext.forEach((key, calls) -> {
            String account = key.substring(0, key.indexOf('|'));
            found.add(workload(Optional.of(account).filter(a -> !a.isEmpty()), calls.get(0).region(),
                    modelOf.get(key), calls, true));
        });
        // Regions the trigger names whose CloudTrail could not confirm or refute it stay in play.
        for (String region : requestedRegions()) {
            boolean refuted = !found.isEmpty() && evidence.region(region).map(r -> r.has(EvidenceSection.FAILED_CALLS)).orElse(false);
            for (ModelId model : request.models()) {
                boolean covered = found.stream().anyMatch(w -> w.region().equals(region) && w.model().invokedId().equals(model.invokedId()));
                if (!covered && !refuted) {
                    found.add(workload(request.account().or(this::callerAccount), region, model, List.of(), false));
                }
            }
        }
        return List.copyOf(found);
    }

    private List<String> requestedRegions() {
        if (!request.regions().isEmpty()) {
            return request.regions();
        }
        // No region named: the regions whose metrics show throttling for the named models.
        return evidence.regions().values().stream()
                .filter(r -> request.models().stream().anyMatch(m ->
                        Demand.of(m, r.metrics(), now(), settings.recentWindow()).throttles() > 0))
                .map(RegionEvidence::region)
                .toList();
    }

    private List<ModelId> modelsOf(FailedCall call) {
        if (call.modelId().isPresent()) {
            try {
                return List.of(ModelId.parse(call.modelId().get()));
            } catch (IllegalArgumentException e) {
                return request.models();
            }
        }
        return request.models();
    }

    private Workload workload(Optional<String> account, String region, ModelId model, List<FailedCall> calls,
                              boolean confirmed) {
        Optional<RegionEvidence> here = evidence.region(region);
        List<Quota> governing = here.map(r -> governingQuotas(r, model)).orElse(List.of()).stream()
                .map(q -> forAccount(q, account))
                .toList();
        Demand demand = here.map(r -> Demand.of(model, r.metrics(), now(), settings.recentWindow()))
                .orElse(Demand.UNKNOWN);
        Optional<QuotaMetric> bound = boundMetric(calls);
        List<Probe> probes = here.map(r -> r.probes().stream().filter(p -> model.sameInvocation(p.modelId())).toList())
                .orElse(List.of());
        return new Workload(account, region, model, calls, confirmed, governing, demand, bound, probes);
    }

    /**
     * The evidence lists the collecting account's applied values; for calls made by another account
     * only the quota's identity and AWS default carry over, never the applied value.
     */
    private static Quota forAccount(Quota q, Optional<String> account) {
        if (account.isEmpty() || q.account().isEmpty() || q.account().equals(account)) {
            return q;
        }
        return new Quota(q.code(), q.name(), q.kind(), q.region(), account, Optional.empty(), q.awsDefault(), q.adjustable());
    }

    private static List<Quota> governingQuotas(RegionEvidence region, ModelId model) {
        Optional<ModelName> name = model.name();
        if (name.isEmpty()) {
            return List.of();
        }
        return region.quotas().stream()
                .filter(q -> q.kind().isRuntimeLimit() && q.kind().governs(model.family(), name.get()))
                .toList();
    }

    /** The metric the calls' own error messages point at, else the trigger's error message. */
    private Optional<QuotaMetric> boundMetric(List<FailedCall> calls) {
        Map<QuotaMetric, Long> votes = calls.stream()
                .map(c -> new ErrorSignal(Optional.of(c.errorCode()), c.errorMessage()).boundMetric())
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        Optional<QuotaMetric> fromCalls = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        return fromCalls.or(() -> request.error().boundMetric());
    }

    // ---- requests against workloads ---------------------------------------------------------

    private List<IncreaseRequest> candidateRequests() {
        List<IncreaseRequest> all = evidence.requests()
                .filter(r -> request.requestId().map(id -> id.equals(r.id())).orElse(true))
                .filter(r -> request.quotaCode().map(c -> c.equalsIgnoreCase(r.quotaCode())).orElse(true))
                .sorted(Comparator.comparing((IncreaseRequest r) -> r.created().orElse(Instant.EPOCH)).reversed())
                .toList();
        // the same request can be listed by several regions' history calls only if AWS misbehaves; keep one
        Map<String, IncreaseRequest> unique = new LinkedHashMap<>();
        all.forEach(r -> unique.putIfAbsent(r.id(), r));
        return List.copyOf(unique.values());
    }

    private boolean focused() {
        return request.requestId().isPresent() || request.quotaCode().isPresent();
    }

    private List<Assessment> assess() {
        List<IncreaseRequest> candidates = candidateRequests();
        List<Assessment> out = new ArrayList<>();
        if (workloads.isEmpty()) {
            // Following a request with no failing calls in view: judge the request on its own.
            for (IncreaseRequest r : candidates) {
                if (focused() || r.kind().isRuntimeLimit()) {
                    out.add(new Assessment(r, Optional.empty(), Set.of(), quotaOf(r)));
                }
            }
            return out;
        }
        for (Workload w : workloads) {
            List<Assessment> mine = new ArrayList<>();
            for (IncreaseRequest r : candidates) {
                Set<Mismatch> misses = mismatches(r, w);
                if (misses.isEmpty() || (misses.size() <= 2 && related(r, w))) {
                    mine.add(new Assessment(r, Optional.of(w), misses, quotaOf(r)));
                }
            }
            // A request on target makes the near misses history: only the newest on-target one counts.
            Optional<Assessment> exact = mine.stream().filter(Assessment::onTarget).findFirst();
            if (exact.isPresent()) {
                out.add(exact.get());
            } else {
                out.addAll(mine);
            }
        }
        return out;
    }

    private Optional<Quota> quotaOf(IncreaseRequest r) {
        return evidence.region(r.region())
                .filter(region -> region.has(EvidenceSection.SERVICE_QUOTAS) || region.has(EvidenceSection.DEFAULT_QUOTAS))
                .flatMap(region -> region.quota(r.quotaCode()));
    }

    private boolean related(IncreaseRequest r, Workload w) {
        if (focused()) {
            return true;
        }
        if (!r.kind().isRuntimeLimit()) {
            return false;
        }
        Optional<ModelName> requested = r.kind().model();
        Optional<ModelName> invoked = w.model().name();
        if (requested.isEmpty() || invoked.isEmpty()) {
            return true;
        }
        // Another version of the same line, or a shared model word ("claude", "nova"): plausibly meant for these calls.
        return requested.get().sameLineage(invoked.get())
                || requested.get().tokens().stream().anyMatch(t -> t.length() >= 4 && t.chars().allMatch(Character::isLetter)
                && invoked.get().tokens().contains(t));
    }

    static Set<Mismatch> mismatches(IncreaseRequest r, Workload w) {
        Set<Mismatch> misses = EnumSet.noneOf(Mismatch.class);
        if (r.account().isPresent() && w.account().isPresent() && !r.account().get().equals(w.account().get())) {
            misses.add(Mismatch.ACCOUNT);
        }
        if (!r.region().equals(w.region())) {
            misses.add(Mismatch.REGION);
        }
        if (!r.kind().governs(w.model().family())) {
            misses.add(Mismatch.FAMILY);
        }
        Optional<ModelName> invoked = w.model().name();
        if (r.kind().metric() != QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY && invoked.isPresent()
                && r.kind().model().map(m -> !m.sameModel(invoked.get())).orElse(true)) {
            misses.add(Mismatch.MODEL);
        }
        if (!r.kind().metric().isRuntimeLimit()) {
            misses.add(Mismatch.METRIC);
        } else if (w.boundMetric().isPresent() && !sameMetric(r.kind().metric(), w.boundMetric().get())) {
            misses.add(Mismatch.METRIC);
        }
        return misses;
    }

    private static boolean sameMetric(QuotaMetric requested, QuotaMetric bound) {
        return requested == bound || (requested.isDaily() && bound.isDaily());
    }
}
