package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.RequestStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Where an increase request stands once its status is read together with the applied value. */
enum RequestState {
    /** PENDING or CASE_OPENED. */
    OPEN,
    /** A status this version does not know, with the value not (yet) applied. */
    UNKNOWN_STATUS,
    /** DENIED, NOT_APPROVED, INVALID_REQUEST. */
    REFUSED,
    /** CASE_CLOSED and the applied value never moved. */
    CLOSED_UNCHANGED,
    /** Closed with the applied value raised, but below what was asked. */
    PARTIAL,
    /**
     * Inside the propagation window: APPROVED or CASE_CLOSED (AWS closes approved cases too) with the applied value
     * below desired, or applied with the calls of that exact context still failing since.
     */
    PROPAGATING,
    /** APPROVED, applied value below desired, past the propagation window. */
    OVERDUE,
    /** The applied value reached the desired value. */
    FULFILLED,
    /** Decided, but the applied value (or, for a closed case, the default) could not be read: reported as a gap. */
    UNJUDGEABLE;

    /** A request judged on its own, against its own quota's values (no failing context): for the plan's rules. */
    static RequestState alone(com.quotadoctor.domain.IncreaseRequest r, Optional<com.quotadoctor.domain.Quota> quota,
                              Situation s) {
        return of(new Assessment(r, Optional.empty(), java.util.Set.of(), quota), s);
    }

    static RequestState of(Assessment a, Situation s) {
        Instant now = s.now();
        Duration propagationWindow = s.settings().propagationWindow();
        RequestStatus status = a.request().status();
        if (status.isOpen()) {
            return OPEN;
        }
        if (status.isRefused()) {
            return REFUSED;
        }
        if (a.appliedValue().isEmpty()) {
            return UNJUDGEABLE;
        }
        boolean recent = a.request().decidedAt().map(t -> t.plus(propagationWindow).isAfter(now)).orElse(true);
        if (a.fulfilled()) {
            // the value shows, but calls in that very context still fail since: enforcement has not caught up yet
            boolean decided = status == RequestStatus.APPROVED || status == RequestStatus.CASE_CLOSED;
            return decided && recent && a.mismatches().isEmpty() && failingSince(a) ? PROPAGATING : FULFILLED;
        }
        return switch (status) {
            // AWS's own CloudTrail example of an approved increase ends CASE_CLOSED: inside the window a closed case
            // is an approval still applying, not a denial; after it, the case's outcome decides. Without the default,
            // "raised a little" and "never moved" look the same.
            case CASE_CLOSED -> recent && a.request().decidedAt().isPresent() ? PROPAGATING
                    : a.quota().flatMap(q -> q.awsDefault()).isEmpty() ? UNJUDGEABLE
                    : a.partlyRaised() ? PARTIAL : CLOSED_UNCHANGED;
            case APPROVED -> recent ? PROPAGATING : OVERDUE;
            default -> UNKNOWN_STATUS;
        };
    }

    /** Calls of the request's own context failed after it was decided. */
    private static boolean failingSince(Assessment a) {
        Optional<Instant> decided = a.request().decidedAt();
        return decided.isPresent() && a.workload().map(w -> w.calls().stream()
                .anyMatch(c -> c.time().isAfter(decided.get()))).orElse(false);
    }

    /** A decision that went (at least partly) against the request: a later request can supersede it. */
    boolean isSettledAgainst() {
        return this == REFUSED || this == CLOSED_UNCHANGED || this == PARTIAL;
    }

    /** Until when waiting on this request makes sense: empty for states that waiting cannot change. */
    Optional<Instant> waitUntil(Assessment a, Settings settings) {
        return switch (this) {
            case PROPAGATING -> a.request().decidedAt().map(t -> t.plus(settings.propagationWindow()));
            case OPEN, UNKNOWN_STATUS -> a.request().created().map(t -> t.plus(settings.pendingPatience()));
            default -> Optional.empty();
        };
    }
}
