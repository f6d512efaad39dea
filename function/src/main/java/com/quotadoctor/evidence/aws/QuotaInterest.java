package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.InferenceProfile;
import com.quotadoctor.domain.MetricSeries;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.domain.ModelName;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaArn;
import com.quotadoctor.domain.QuotaClassifier;
import com.quotadoctor.domain.QuotaKind;
import com.quotadoctor.domain.QuotaMatcher;
import com.quotadoctor.evidence.ListedQuota;
import com.quotadoctor.evidence.ListedRequest;
import com.quotadoctor.evidence.RegionCapture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which quotas phase 2 must read, from what phase 1 saw in every region and account: the quotas that govern the
 * calls (each model as invoked, named or recorded failing or carrying traffic, in its own inference family, every
 * runtime metric) and the quotas of the increase requests filed for those models. The codes are named from a
 * region's default catalogue, so the same quotas are read in every account of the region. When a model cannot be
 * named (an application profile not resolved), the codes cannot be known and the whole list is read instead; when
 * nothing names a model or a request, no quota is read.
 */
final class QuotaInterest {

    /** Each model as the calls invoke it, with the regions its calls fail or run in (none known: any). */
    private final Map<ModelId, Set<String>> models;
    private final boolean unresolved;
    private final List<Filed> requests;

    /** An increase request and the region it was filed in. */
    private record Filed(ListedRequest request, String region) {
    }
    private final Optional<String> namedCode;
    private final boolean focused;
    private final com.quotadoctor.domain.QuotaMatcher.Memo governing = new com.quotadoctor.domain.QuotaMatcher.Memo();

    private QuotaInterest(Map<ModelId, Set<String>> models, boolean unresolved, List<Filed> requests,
                          Optional<String> namedCode, boolean focused) {
        this.models = Map.copyOf(models);
        this.unresolved = unresolved;
        this.requests = List.copyOf(requests);
        this.namedCode = namedCode;
        this.focused = focused;
    }

    /** What phase 1 read, with the models and request the diagnosis was asked about. */
    static QuotaInterest of(DiagnosisRequest request, Collection<RegionCapture> phaseOne) {
        List<InferenceProfile> profiles = new ArrayList<>();
        Map<String, Set<String>> invoked = new LinkedHashMap<>();
        request.models().forEach(m -> invoked.computeIfAbsent(m.raw(), k -> new TreeSet<>()).addAll(request.regions()));
        List<Filed> requests = new ArrayList<>();
        for (RegionCapture r : phaseOne) {
            profiles.addAll(r.inferenceProfiles());
            r.failedCalls().forEach(c -> c.modelId().ifPresent(m -> invoked.computeIfAbsent(m, k -> new TreeSet<>())
                    .add(c.region())));
            r.metrics().stream().filter(s -> s.values().stream().anyMatch(v -> v > 0))
                    .forEach(s -> invoked.computeIfAbsent(s.modelId(), k -> new TreeSet<>()).add(r.region()));
            r.requests().stream().filter(ListedRequest::isBedrock)
                    .forEach(q -> requests.add(new Filed(q, q.arn().map(QuotaArn::region).orElse(r.region()))));
        }
        Map<ModelId, Set<String>> models = new LinkedHashMap<>();
        boolean unresolved = false;
        for (Map.Entry<String, Set<String>> e : invoked.entrySet()) {
            String raw = e.getKey();
            Optional<ModelId> model = parse(raw);
            if (model.isPresent() && model.get().isApplicationProfile()) {
                model = profiles.stream().filter(p -> p.isNamedBy(raw)).findFirst().flatMap(InferenceProfile::copies);
            }
            if (model.flatMap(ModelId::name).isEmpty()) {
                unresolved = true;
            } else {
                models.computeIfAbsent(model.get(), k -> new TreeSet<>()).addAll(e.getValue());
            }
        }
        return new QuotaInterest(models, unresolved, requests, request.quotaCode(),
                request.requestId().isPresent() || request.quotaCode().isPresent());
    }

    /** No model and no request in view, nothing named: no quota can govern anything this diagnosis judges. */
    boolean nothingInView() {
        return models.isEmpty() && requests.isEmpty() && !focused && !unresolved;
    }

    /**
     * The codes to read by code in a region whose default catalogue is {@code defaults}; empty when they cannot be
     * known and the whole list must be read.
     */
    Optional<Set<String>> codesIn(String region, List<ListedQuota> defaults) {
        // every account of a region shares its default catalogue: named once, not once per account
        return byRegion.computeIfAbsent(region, r -> name(r, defaults));
    }

    private final java.util.Map<String, Optional<Set<String>>> byRegion = new java.util.concurrent.ConcurrentHashMap<>();

    private Optional<Set<String>> name(String region, List<ListedQuota> defaults) {
        if (unresolved || defaults.isEmpty() || (models.isEmpty() && !focused && requests.isEmpty())) {
            return Optional.empty();
        }
        List<Quota> catalogue = new RegionCapture(region, Set.of(EvidenceSection.DEFAULT_QUOTAS), List.of(), defaults,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of()).evidence().quotas();
        Set<String> codes = new TreeSet<>();
        namedCode.ifPresent(codes::add);
        for (ModelId model : models.keySet()) {
            for (QuotaMatcher.Match match : QuotaMatcher.governing(model, catalogue)) {
                match.quota().ifPresent(q -> codes.add(q.code()));
                match.tied().forEach(q -> codes.add(q.code()));
            }
        }
        for (Filed filed : requests) {
            ListedRequest r = filed.request();
            String name = r.quotaName().or(() -> QuotaClassifier.knownName(r.quotaCode())).orElse(r.quotaCode());
            QuotaKind kind = QuotaClassifier.classify(r.quotaCode(), name);
            if (focused || (kind.isRuntimeLimit() && concerns(r.quotaCode(), filed.region(), kind, catalogue))) {
                codes.add(r.quotaCode());
            }
        }
        return codes.isEmpty() ? Optional.empty() : Optional.of(codes);
    }

    /**
     * A request the diagnosis may set against these calls: for some model, plausibly meant for it (the same line, or a
     * shared word) and missing it in at most two of region, inference family and model, as the diagnosis counts them
     * (it also counts account and metric: reading a few requests more than it judges costs a call each, never a
     * wrong answer).
     */
    private boolean concerns(String code, String region, QuotaKind kind, List<Quota> catalogue) {
        if (models.isEmpty() || kind.model().isEmpty()) {
            return true;
        }
        ModelName requested = kind.model().get();
        Quota asQuota = new Quota(code, "", kind, region, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        return models.entrySet().stream().anyMatch(e -> {
            ModelName invoked = e.getKey().name().orElseThrow();
            if (!requested.sameLineage(invoked) && !requested.sharesWord(invoked)) {
                return false;
            }
            int misses = 0;
            misses += e.getValue().isEmpty() || e.getValue().contains(region) ? 0 : 1;
            misses += kind.governs(e.getKey().family()) ? 0 : 1;
            synchronized (governing) { // regions are read in parallel
                misses += governing.isGoverning(asQuota, invoked, catalogue) ? 0 : 1;
            }
            return misses <= 2;
        });
    }

    private static Optional<ModelId> parse(String raw) {
        try {
            return Optional.of(ModelId.parse(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
