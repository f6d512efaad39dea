package com.quotadoctor.notification;

import java.time.Instant;

/**
 * Remembers what was announced, so that a situation is announced at least once, and once only until it changes.
 * A delivery first claims the situation's fingerprint for a short lease, under an owner token that is the same for
 * every retry of that delivery; it marks it sent only after the publish succeeded.
 */
public interface NotificationLedger {

    /** What a claim found. */
    enum Claim {
        /** This owner holds the claim (a fresh one, an expired one taken over, or its own from a retried call). */
        CLAIMED,
        /** Announced already, and not yet expired: nothing to send. */
        SENT,
        /** Another delivery of the same situation holds an unexpired lease: try again after it. */
        BUSY
    }

    Claim claim(String fingerprint, String owner, Instant now, Instant leaseUntil);

    /** The publish succeeded: remembered as sent until {@code expires}. Only the owner's claim is marked. */
    void sent(String fingerprint, String owner, Instant now, Instant expires);

    /** Gives the owner's claim back, so that a retry can announce what failed to go out. */
    void release(String fingerprint, String owner);
}
