package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.Quota;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each region's quota catalogue as it applies to one account, built once per diagnosis: matching sets every
 * request and failing context against it, and a region lists 1,000+ quotas.
 */
final class Catalogues {

    private final Evidence evidence;
    private final Map<String, List<Quota>> built = new ConcurrentHashMap<>();

    Catalogues(Evidence evidence) {
        this.evidence = evidence;
    }

    /** The quotas of {@code region} for calls of {@code account}; empty when the region was not read. */
    List<Quota> of(String region, Optional<String> account) {
        return built.computeIfAbsent(region + "|" + account.orElse(""), k ->
                evidence.region(region).map(r -> r.quotasFor(account)).orElse(List.of()));
    }
}
