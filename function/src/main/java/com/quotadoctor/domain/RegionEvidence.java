package com.quotadoctor.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything read in one region. A section absent from {@code collected} was not read; its list is empty.
 *
 * Immutable; its per-account catalogues are indexed by code on first use.
 */
public final class RegionEvidence {

    private final String region;
    private final Set<EvidenceSection> collected;
    private final List<Quota> quotas;
    private final List<IncreaseRequest> requests;
    private final List<MetricSeries> metrics;
    private final List<FailedCall> failedCalls;
    private final List<Probe> probes;
    private final List<InferenceProfile> inferenceProfiles;
    private final List<EvidenceGap> errors;
    private final Set<EvidenceSection> notNeeded;
    /** The catalogue per account it applies to, by upper-case code: built once, so a lookup is O(1), not O(quotas). */
    private final Map<Optional<String>, Map<String, Quota>> catalogues = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Quota> firstByCode = new java.util.HashMap<>();
    private final Set<Optional<String>> accountsRead = new java.util.HashSet<>();

    public RegionEvidence(String region, Set<EvidenceSection> collected, List<Quota> quotas,
                          List<IncreaseRequest> requests, List<MetricSeries> metrics, List<FailedCall> failedCalls,
                          List<Probe> probes, List<InferenceProfile> inferenceProfiles, List<EvidenceGap> errors) {
        this(region, collected, quotas, requests, metrics, failedCalls, probes, inferenceProfiles, errors, Set.of());
    }

    public RegionEvidence(String region, Set<EvidenceSection> collected, List<Quota> quotas,
                          List<IncreaseRequest> requests, List<MetricSeries> metrics, List<FailedCall> failedCalls,
                          List<Probe> probes, List<InferenceProfile> inferenceProfiles, List<EvidenceGap> errors,
                          Set<EvidenceSection> notNeeded) {
        this.region = region;
        this.notNeeded = Set.copyOf(notNeeded);
        this.collected = Set.copyOf(collected);
        this.quotas = List.copyOf(quotas);
        this.requests = List.copyOf(requests);
        this.metrics = List.copyOf(metrics);
        this.failedCalls = List.copyOf(failedCalls);
        this.probes = List.copyOf(probes);
        this.inferenceProfiles = List.copyOf(inferenceProfiles);
        this.errors = List.copyOf(errors);
        for (Quota q : this.quotas) {
            firstByCode.putIfAbsent(q.code().toUpperCase(Locale.ROOT), q);
            accountsRead.add(q.account());
        }
    }

    public String region() {
        return region;
    }

    public Set<EvidenceSection> collected() {
        return collected;
    }

    /** Applied values merged with defaults. */
    public List<Quota> quotas() {
        return quotas;
    }

    public List<IncreaseRequest> requests() {
        return requests;
    }

    public List<MetricSeries> metrics() {
        return metrics;
    }

    public List<FailedCall> failedCalls() {
        return failedCalls;
    }

    public List<Probe> probes() {
        return probes;
    }

    public List<InferenceProfile> inferenceProfiles() {
        return inferenceProfiles;
    }

    /** API errors met while reading this region. */
    public List<EvidenceGap> errors() {
        return errors;
    }

    /** Sections left unread on purpose (the region held nothing that needs them): not gaps. */
    public Set<EvidenceSection> notNeeded() {
        return notNeeded;
    }

    public boolean has(EvidenceSection section) {
        return collected.contains(section);
    }

    public Optional<Quota> quota(String code) {
        return Optional.ofNullable(firstByCode.get(code.toUpperCase(Locale.ROOT)));
    }

    /** {@code code} as it applies to calls made by {@code account}; see {@link #quotasFor}. */
    public Optional<Quota> quota(String code, Optional<String> account) {
        return Optional.ofNullable(catalogue(account).get(code.toUpperCase(Locale.ROOT)));
    }

    /**
     * The catalogue as it applies to calls made by {@code account}: that account's own entries when it was
     * read, else one entry per quota carrying over only what holds for every account (identity, default).
     */
    public List<Quota> quotasFor(Optional<String> account) {
        return List.copyOf(catalogue(account).values());
    }

    private Map<String, Quota> catalogue(Optional<String> account) {
        return catalogues.computeIfAbsent(account, a -> {
            boolean readHere = a.isPresent() && accountsRead.contains(a);
            Map<String, Quota> byCode = new LinkedHashMap<>();
            for (Quota q : quotas) {
                if (readHere && q.account().isPresent() && !q.account().equals(a)) {
                    continue;
                }
                byCode.putIfAbsent(q.code().toUpperCase(Locale.ROOT), q.forAccount(a));
            }
            return java.util.Collections.unmodifiableMap(byCode);
        });
    }

    /** Errors met here plus expected sections that were not collected. */
    public List<EvidenceGap> gaps() {
        List<EvidenceGap> gaps = new ArrayList<>(errors);
        for (EvidenceSection section : EvidenceSection.values()) {
            boolean explained = errors.stream().anyMatch(e -> section.isFilledBy(e.source())
                    || e.kind() == GapKind.RUN_BUDGET_SPENT);
            if (section.expected() && !has(section) && !explained && !notNeeded.contains(section)) {
                gaps.add(EvidenceGap.in(region, section.snapshotField(), EvidenceGap.NOT_COLLECTED,
                        section.snapshotField() + " (" + section.operation() + ") was not collected in " + region));
            }
        }
        return gaps;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionEvidence r && region.equals(r.region) && collected.equals(r.collected)
                && quotas.equals(r.quotas) && requests.equals(r.requests) && metrics.equals(r.metrics)
                && failedCalls.equals(r.failedCalls) && probes.equals(r.probes)
                && inferenceProfiles.equals(r.inferenceProfiles) && errors.equals(r.errors) && notNeeded.equals(r.notNeeded);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(region, collected, quotas, requests, metrics, failedCalls, probes, inferenceProfiles,
                errors, notNeeded);
    }

    @Override
    public String toString() {
        return "RegionEvidence[region=" + region + ", collected=" + collected + ", quotas=" + quotas.size()
                + ", requests=" + requests.size() + ", metrics=" + metrics.size() + ", failedCalls=" + failedCalls.size()
                + ", errors=" + errors + "]";
    }
}
