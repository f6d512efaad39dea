package com.quotadoctor.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An evidence set: what AWS showed at {@code capturedAt}, per region. The same thing a snapshot holds.
 *
 * @param capturedAt the instant every age and window is judged against
 * @param caller     who collected it; empty when not collected
 * @param regions    region name to its evidence, in collection order
 * @param gaps       gaps that belong to no single region (caller identity, unreadable regions)
 */
public record Evidence(Instant capturedAt, Optional<CallerIdentity> caller, Map<String, RegionEvidence> regions,
                       List<EvidenceGap> gaps) {

    public Evidence {
        regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        gaps = List.copyOf(gaps);
    }

    /** The account the evidence was collected in. */
    public Optional<String> callerAccount() {
        return caller.map(CallerIdentity::account);
    }

    public Optional<RegionEvidence> region(String name) {
        return Optional.ofNullable(regions.get(name));
    }

    public Stream<IncreaseRequest> requests() {
        return regions.values().stream().flatMap(r -> r.requests().stream());
    }

    public Stream<FailedCall> failedCalls() {
        return regions.values().stream().flatMap(r -> r.failedCalls().stream());
    }

    /** The inference profile a call's model identifier addresses, from whichever region described it. */
    public Optional<InferenceProfile> inferenceProfile(String modelId) {
        return regions.values().stream().flatMap(r -> r.inferenceProfiles().stream())
                .filter(p -> p.isNamedBy(modelId)).findFirst();
    }

    /** Every gap: account-wide ones, then each region's. */
    public List<EvidenceGap> allGaps() {
        List<EvidenceGap> all = new ArrayList<>(gaps);
        regions.values().forEach(r -> all.addAll(r.gaps()));
        return all;
    }
}
