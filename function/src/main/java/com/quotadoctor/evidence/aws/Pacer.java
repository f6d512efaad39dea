package com.quotadoctor.evidence.aws;

import java.util.concurrent.TimeUnit;

/**
 * Keeps the calls of one operation, in one region and account, under the rate AWS publishes for it, the way
 * AWS counts: a token bucket holding one second's calls, refilled continuously. A short list is read at
 * once; a long one settles to the published rate. A call waits only as long as its token needs: no fixed
 * sleeps. The SDK's adaptive retry paces the retries of a throttled call on its own.
 */
final class Pacer {

    static final Pacer UNPACED = new Pacer(0);

    /** Refill at 90 % of the published rate: network jitter between two calls never tips the second over it. */
    private static final double MARGIN = 0.9;

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last = System.nanoTime();

    private Pacer(double perSecond) {
        this.perNano = perSecond * MARGIN / TimeUnit.SECONDS.toNanos(1);
        // A pacer reserves when a call leaves, AWS counts when it arrives, and calls taken apart may arrive closer:
        // the bucket keeps one call of slack, and a slow operation (LookupEvents, 2/s) gets no burst at all.
        this.capacity = perSecond < 5 ? 1 : Math.floor(perSecond * MARGIN);
        this.tokens = capacity;
    }

    static Pacer forOperation(com.quotadoctor.domain.Operation operation) {
        double rate = operation.perSecond();
        return rate > 0 ? new Pacer(rate) : UNPACED;
    }

    /** Blocks until this call's token is there. */
    void take() {
        if (perNano == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            tokens -= 1; // below zero: a reservation on tokens still to come
            wait = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing calls", e);
            }
        }
    }
}
