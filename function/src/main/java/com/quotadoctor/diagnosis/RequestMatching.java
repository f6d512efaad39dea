package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.Endpoint;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.ModelName;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMatcher;
import com.quotadoctor.domain.QuotaMetric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sets every relevant increase request against each failing context: on target (same account,
 * region, inference family, model and metric) or missing it in one or two of those ways.
 */
final class RequestMatching {

    private final DiagnosisRequest request;
    private final Evidence evidence;
    private final Catalogues catalogues;
    private final QuotaMatcher.Memo governing = new QuotaMatcher.Memo();

    RequestMatching(DiagnosisRequest request, Evidence evidence, Catalogues catalogues) {
        this.catalogues = catalogues;
        this.request = request;
        this.evidence = evidence;
    }

    private List<IncreaseRequest> candidateRequests() {
        List<IncreaseRequest> all = evidence.requests()
                .filter(r -> request.requestId().map(r::isNamedBy).orElse(true))
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

    List<Assessment> assess(List<Workload> workloads) {
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
            if (w.model().isApplicationProfile()) {
                // an application profile that could not be read: its family and model are unknown, so no request is
                // set against its calls (a family or model "mismatch" would be a guess); the gap says what is missing
                continue;
            }
            List<Assessment> mine = new ArrayList<>();
            for (IncreaseRequest r : candidates) {
                Set<Mismatch> misses = mismatches(r, w, catalogueOf(r), governing);
                if (misses.isEmpty() || (misses.size() <= 2 && related(r, w))) {
                    mine.add(new Assessment(r, Optional.of(w), misses, quotaOf(r)));
                }
            }
            // A request on target makes the older near misses history: the newest on-target one counts, and so does a
            // near miss filed after it (a denial here, then an approval in another region: the approval is the news).
            Optional<Assessment> exact = mine.stream().filter(Assessment::onTarget).findFirst();
            if (exact.isPresent()) {
                Instant since = exact.get().request().created().orElse(Instant.MAX);
                mine.stream().filter(a -> a == exact.get() || a.request().created().map(t -> t.isAfter(since)).orElse(false))
                        .forEach(out::add);
            } else {
                out.addAll(mine);
            }
        }
        return out;
    }

    /** The catalogue of the request's own region, where its quota's siblings are listed; empty when not read. */
    private List<Quota> catalogueOf(IncreaseRequest r) {
        return catalogues.of(r.region(), r.account());
    }

    private Optional<Quota> quotaOf(IncreaseRequest r) {
        return evidence.region(r.region())
                .filter(region -> region.has(EvidenceSection.SERVICE_QUOTAS) || region.has(EvidenceSection.DEFAULT_QUOTAS))
                .flatMap(region -> region.quota(r.quotaCode(), r.account()));
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
        return requested.get().sameLineage(invoked.get()) || requested.get().sharesWord(invoked.get());
    }

    /** The request's quota as a catalogue entry, so it can be ranked against its siblings. */
    private static Quota requestedQuota(IncreaseRequest r) {
        return new Quota(r.quotaCode(), r.quotaName(), r.kind(), r.region(), r.account(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    static Set<Mismatch> mismatches(IncreaseRequest r, Workload w, List<Quota> catalogue, QuotaMatcher.Memo governing) {
        Set<Mismatch> misses = EnumSet.noneOf(Mismatch.class);
        if (r.account().isPresent() && w.account().isPresent() && !r.account().get().equals(w.account().get())) {
            misses.add(Mismatch.ACCOUNT);
        }
        if (!r.region().equals(w.region())) {
            misses.add(Mismatch.REGION);
        }
        boolean mantleQuota = r.kind().family() == InferenceFamily.MANTLE;
        if (mantleQuota != (w.endpoint() == Endpoint.MANTLE)) {
            misses.add(Mismatch.ENDPOINT); // the endpoints' quotas are separate: no family of one serves the other
        } else if (!r.kind().governs(w.family())) {
            misses.add(Mismatch.FAMILY);
        }
        Optional<ModelName> invoked = w.model().name();
        if (r.kind().metric() != QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY && invoked.isPresent()
                && !governing.isGoverning(requestedQuota(r), invoked.get(), catalogue)) {
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
