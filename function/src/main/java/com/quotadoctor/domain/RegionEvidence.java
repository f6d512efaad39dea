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
 * @param quotas    applied values merged with defaults
 * @param errors    API errors met while reading this region
 * @param notNeeded sections left unread on purpose (the region held nothing that needs them): not gaps
 */
public record RegionEvidence(String region, Set<EvidenceSection> collected, List<Quota> quotas,
                             List<IncreaseRequest> requests, List<MetricSeries> metrics,
                             List<FailedCall> failedCalls, List<Probe> probes, List<InferenceProfile> inferenceProfiles,
                             List<EvidenceGap> errors, Set<EvidenceSection> notNeeded) {

    public RegionEvidence(String region, Set<EvidenceSection> collected, List<Quota> quotas,
                          List<IncreaseRequest> requests, List<MetricSeries> metrics, List<FailedCall> failedCalls,
                          List<Probe> probes, List<InferenceProfile> inferenceProfiles, List<EvidenceGap> errors) {
        this(region, collected, quotas, requests, metrics, failedCalls, probes, inferenceProfiles, errors, Set.of());
    }

    public RegionEvidence {
        notNeeded = Set.copyOf(notNeeded);
        collected = Set.copyOf(collected);
        quotas = List.copyOf(quotas);
        requests = List.copyOf(requests);
        metrics = List.copyOf(metrics);
        failedCalls = List.copyOf(failedCalls);
        probes = List.copyOf(probes);
        inferenceProfiles = List.copyOf(inferenceProfiles);
        errors = List.copyOf(errors);
    }

    public boolean has(EvidenceSection section) {
        return collected.contains(section);
    }

    public Optional<Quota> quota(String code) {
        return quotas.stream().filter(q -> q.code().equalsIgnoreCase(code)).findFirst();
    }

    /** {@code code} as it applies to calls made by {@code account}; see {@link #quotasFor}. */
    public Optional<Quota> quota(String code, Optional<String> account) {
        return quotasFor(account).stream().filter(q -> q.code().equalsIgnoreCase(code)).findFirst();
    }

    /**
     * The catalogue as it applies to calls made by {@code account}: that account's own entries when it was
     * read, else one entry per quota carrying over only what holds for every account (identity, default).
     */
    public List<Quota> quotasFor(Optional<String> account) {
        boolean readHere = account.isPresent() && quotas.stream().anyMatch(q -> q.account().equals(account));
        Map<String, Quota> byCode = new LinkedHashMap<>();
        for (Quota q : quotas) {
            if (readHere && q.account().isPresent() && !q.account().equals(account)) {
                continue;
            }
            byCode.putIfAbsent(q.code().toUpperCase(Locale.ROOT), q.forAccount(account));
        }
        return List.copyOf(byCode.values());
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
}
