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
    /** APPROVED, applied value below desired, inside the propagation window. */
    PROPAGATING,
    /** APPROVED, applied value below desired, past the propagation window. */
    OVERDUE,
    /** The applied value reached the desired value. */
    FULFILLED,
    /** Decided, but the applied value (or, for a closed case, the default) could not be read: reported as a gap. */
    UNJUDGEABLE;

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
        if (a.fulfilled()) {
            return FULFILLED;
        }
        return switch (status) {
            // without the default, "raised a little" and "never moved" look the same
            case CASE_CLOSED -> a.quota().flatMap(q -> q.awsDefault()).isEmpty() ? UNJUDGEABLE
                    : a.partlyRaised() ? PARTIAL : CLOSED_UNCHANGED;
            case APPROVED -> a.request().decidedAt().map(t -> t.plus(propagationWindow).isAfter(now)).orElse(true)
                    ? PROPAGATING : OVERDUE;
            default -> UNKNOWN_STATUS;
        };
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
