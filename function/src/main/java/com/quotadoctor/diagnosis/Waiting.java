package com.quotadoctor.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to look again while waiting is the fix: a backoff that doubles per attempt, never past the
 * deadline. Past the deadline waiting no longer makes sense, and the loop should stop.
 *
 * @param nextCheckSeconds empty when waiting does not help (any more)
 */
record Waiting(Optional<Long> nextCheckSeconds, Optional<Instant> deadline) {

    /** Rechecking sooner than a minute only spends API calls: Service Quotas values don't move that fast. */
    private static final long MINIMUM_CHECK_SECONDS = 60;

    static Waiting of(Situation s, Finding top) {
        if (!top.code().waitingHelps()) {
            return new Waiting(Optional.empty(), s.request().deadline());
        }
        Optional<Instant> computed = s.onTarget().stream()
                .filter(a -> top.quotaCode().equals(Optional.of(a.request().quotaCode()))
                        && top.region().equals(Optional.of(a.request().region())))
                .findFirst()
                .flatMap(a -> RequestState.of(a, s).waitUntil(a, s.settings()));
        Optional<Instant> deadline = s.request().deadline().or(() -> computed);
        Settings settings = s.settings();
        long backoff = settings.firstCheck().getSeconds() << Math.min(s.request().attempt() - 1, 20);
        long next = Math.min(backoff, settings.longestCheck().getSeconds());
        if (deadline.isPresent()) {
            long left = Duration.between(s.now(), deadline.get()).getSeconds();
            if (left <= 0) {
                return new Waiting(Optional.empty(), deadline);
            }
            next = Math.max(MINIMUM_CHECK_SECONDS, Math.min(next, left));
        }
        return new Waiting(Optional.of(next), deadline);
    }
}
