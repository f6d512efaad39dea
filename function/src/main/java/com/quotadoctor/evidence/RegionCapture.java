package com.quotadoctor.evidence;

import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.InferenceProfile;
import com.quotadoctor.domain.MetricSeries;
import com.quotadoctor.domain.Probe;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaArn;
import com.quotadoctor.domain.QuotaClassifier;
import com.quotadoctor.domain.QuotaKind;
import com.quotadoctor.domain.RegionEvidence;
import com.quotadoctor.domain.RequestStatus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One region's evidence as the APIs listed it, in every account read there: what a snapshot stores and
 * what live collection produces. {@link #evidence()} interprets it, the same way for both.
 *
 * @param notNeeded  sections left unread on purpose: phase 1 found nothing here for them to judge
 * @param readByCode the quota codes whose applied values were read one by one ({@code GetServiceQuota});
 *                   empty when {@code applied} is the whole list. A code read that is absent from {@code applied}
 *                   has no applied value (at its default); a code not read is unknown.
 */
public record RegionCapture(String region, Set<EvidenceSection> collected, List<ListedQuota> applied,
                            List<ListedQuota> defaults, List<ListedRequest> requests, List<MetricSeries> metrics,
                            List<FailedCall> failedCalls, List<Probe> probes, List<InferenceProfile> inferenceProfiles,
                            List<EvidenceGap> errors, Set<EvidenceSection> notNeeded, Set<String> readByCode) {

    public RegionCapture(String region, Set<EvidenceSection> collected, List<ListedQuota> applied,
                         List<ListedQuota> defaults, List<ListedRequest> requests, List<MetricSeries> metrics,
                         List<FailedCall> failedCalls, List<Probe> probes, List<InferenceProfile> inferenceProfiles,
                         List<EvidenceGap> errors, Set<EvidenceSection> notNeeded) {
        this(region, collected, applied, defaults, requests, metrics, failedCalls, probes, inferenceProfiles, errors,
                notNeeded, Set.of());
    }

    public RegionCapture(String region, Set<EvidenceSection> collected, List<ListedQuota> applied,
                         List<ListedQuota> defaults, List<ListedRequest> requests, List<MetricSeries> metrics,
                         List<FailedCall> failedCalls, List<Probe> probes, List<InferenceProfile> inferenceProfiles,
                         List<EvidenceGap> errors) {
        this(region, collected, applied, defaults, requests, metrics, failedCalls, probes, inferenceProfiles, errors,
                Set.of());
    }

    public RegionCapture {
        notNeeded = notNeeded.isEmpty() ? EnumSet.noneOf(EvidenceSection.class) : EnumSet.copyOf(notNeeded);
        collected = collected.isEmpty() ? EnumSet.noneOf(EvidenceSection.class) : EnumSet.copyOf(collected);
        applied = List.copyOf(applied);
        defaults = List.copyOf(defaults);
        requests = List.copyOf(requests);
        metrics = List.copyOf(metrics);
        failedCalls = List.copyOf(failedCalls);
        probes = List.copyOf(probes);
        inferenceProfiles = List.copyOf(inferenceProfiles);
        errors = List.copyOf(errors);
        readByCode = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(readByCode));
    }

    public static RegionCapture empty(String region) {
        return new RegionCapture(region, Set.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    /** This region read in one more account: lists joined; defaults are the same for every account, kept once. */
    public RegionCapture plus(RegionCapture other) {
        Set<EvidenceSection> sections = EnumSet.noneOf(EvidenceSection.class);
        sections.addAll(collected);
        sections.addAll(other.collected);
        return new RegionCapture(region, sections, join(applied, other.applied),
                defaults.isEmpty() ? other.defaults : defaults, join(requests, other.requests),
                join(metrics, other.metrics), join(failedCalls, other.failedCalls), join(probes, other.probes),
                join(inferenceProfiles, other.inferenceProfiles), join(errors, other.errors),
                notNeeded.isEmpty() || other.notNeeded.isEmpty() ? Set.of() : intersection(notNeeded, other.notNeeded),
                readByCode.isEmpty() ? other.readByCode : readByCode);
    }

    private static Set<EvidenceSection> intersection(Set<EvidenceSection> a, Set<EvidenceSection> b) {
        Set<EvidenceSection> both = EnumSet.copyOf(a);
        both.retainAll(b);
        return both;
    }

    private static <T> List<T> join(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Applied values merged with the defaults per account, requests classified against that catalogue. */
    public RegionEvidence evidence() {
        List<Quota> quotas = merge();
        // indexed once by code: classifying each request against the whole catalogue would be requests × quotas
        Map<String, QuotaKind> kinds = new java.util.HashMap<>();
        quotas.forEach(q -> kinds.putIfAbsent(q.code().toUpperCase(java.util.Locale.ROOT), q.kind()));
        List<IncreaseRequest> classified = requests.stream()
                .filter(ListedRequest::isBedrock)
                .map(r -> increaseRequest(r, kinds))
                .toList();
        return new RegionEvidence(region, collected, quotas, classified, metrics, failedCalls, probes, inferenceProfiles,
                errors, notNeeded);
    }

    /**
     * ListServiceQuotas may leave out quotas that only have a default, so every account's list is completed
     * from the defaults. Each account keeps its own entries: one account's applied value never speaks for another.
     */
    private List<Quota> merge() {
        Map<Optional<String>, Map<String, ListedQuota>> appliedByAccount = new LinkedHashMap<>();
        applied.stream().filter(ListedQuota::isBedrock).forEach(q ->
                appliedByAccount.computeIfAbsent(q.account(), a -> new LinkedHashMap<>()).put(q.code(), q));
        if (appliedByAccount.isEmpty()) {
            appliedByAccount.put(Optional.empty(), Map.of());
        }
        Map<String, ListedQuota> defaultByCode = new LinkedHashMap<>();
        defaults.stream().filter(ListedQuota::isBedrock).forEach(q -> defaultByCode.put(q.code(), q));
        boolean severalAccounts = appliedByAccount.size() > 1;
        List<Quota> merged = new ArrayList<>();
        appliedByAccount.forEach((account, appliedByCode) -> {
            Set<String> codes = new LinkedHashSet<>(defaultByCode.keySet());
            codes.addAll(appliedByCode.keySet());
            for (String code : codes) {
                Optional<ListedQuota> a = Optional.ofNullable(appliedByCode.get(code));
                Optional<ListedQuota> d = Optional.ofNullable(defaultByCode.get(code));
                String name = a.flatMap(ListedQuota::name).or(() -> d.flatMap(ListedQuota::name))
                        .or(() -> QuotaClassifier.knownName(code)).orElse(code);
                Optional<String> owner = a.isPresent() || severalAccounts ? account : Optional.empty();
                merged.add(new Quota(code, name, QuotaClassifier.classify(code, name),
                        a.flatMap(ListedQuota::arn).map(QuotaArn::region).orElse(region), owner,
                        a.flatMap(ListedQuota::value), d.flatMap(ListedQuota::value),
                        a.flatMap(ListedQuota::adjustable).or(() -> d.flatMap(ListedQuota::adjustable)),
                        readByCode.isEmpty() || a.isPresent() || readByCode.contains(code)));
            }
        });
        return merged;
    }

    /** Names drift and codes stay: a request is classified by the catalogue's current name for its code. */
    private IncreaseRequest increaseRequest(ListedRequest r, Map<String, QuotaKind> catalogue) {
        String name = r.quotaName().or(() -> QuotaClassifier.knownName(r.quotaCode())).orElse(r.quotaCode());
        QuotaKind kind = Optional.ofNullable(catalogue.get(r.quotaCode().toUpperCase(java.util.Locale.ROOT)))
                .filter(k -> k != QuotaKind.UNRECOGNISED)
                .orElseGet(() -> QuotaClassifier.classify(r.quotaCode(), name));
        return new IncreaseRequest(r.id(), r.caseId(), r.quotaCode(), name, kind, r.desiredValue(),
                RequestStatus.fromWire(r.rawStatus()), r.rawStatus(), r.created(), r.lastUpdated(),
                r.arn().map(QuotaArn::region).orElse(region),
                r.requesterAccount().or(() -> r.arn().flatMap(QuotaArn::account)), r.requesterArn());
    }
}
