package com.quotadoctor.evidence.aws;

import java.util.concurrent.TimeUnit;

/**
 * Spaces the calls of one operation, in one region and account, to the rate AWS publishes for it.
 * Not a fixed sleep: a call waits only as long as its slot needs. The SDK's adaptive retry paces the
 * retries of a throttled call on its own.
 */
final class Pacer {

    static final Pacer UNPACED = new Pacer(0);

    private final long intervalNanos;
    private long next = System.nanoTime();

    private Pacer(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    static Pacer forOperation(String operation) {
        double rate = ApiRates.perSecond(operation);
        return rate > 0 ? new Pacer((long) (TimeUnit.SECONDS.toNanos(1) / rate)) : UNPACED;
    }

    /** Blocks until this call's slot. */
    void take() {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long at = Math.max(now, next);
            next = at + intervalNanos;
            wait = at - now;
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
