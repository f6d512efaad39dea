package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.Quota;

import java.util.Optional;
import java.util.Set;

/**
 * An increase request set against the failing context it is supposed to serve.
 *
 * @param workload   the failing context; empty when the diagnosis follows a request with no failing calls
 * @param mismatches how the request misses that context; empty when it targets exactly that quota
 * @param quota      the request's quota as applied in the request's own region, when it was read
 */
public record Assessment(IncreaseRequest request, Optional<Workload> workload, Set<Mismatch> mismatches,
                         Optional<Quota> quota) {

    public Assessment {
        mismatches = Set.copyOf(mismatches);
    }

    public boolean onTarget() {
        return mismatches.isEmpty();
    }

    /** The value now applied for the request's quota, or the default when AWS lists no applied value. */
    public Optional<Double> appliedValue() {
        return quota.flatMap(Quota::effectiveValue);
    }

    public boolean fulfilled() {
        return appliedValue().map(v -> v >= request.desiredValue()).orElse(false);
    }

    /** The applied value rose above the default but stays below what was asked. */
    public boolean partlyRaised() {
        return quota.flatMap(q -> q.applied().flatMap(a -> q.awsDefault().map(d -> a > d && a < request.desiredValue())))
                .orElse(false);
    }
}
