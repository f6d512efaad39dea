package com.quotadoctor.evidence.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Spaces the HTTP attempts of one client (one service, region and account) to each operation's published
 * rate. It runs before every transmission, so the SDK's retries are paced too: a throttled burst is
 * never answered with another burst. Not a fixed sleep: a call waits only as long as its slot needs.
 */
final class Pacing implements ExecutionInterceptor {

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        double rate = ApiRates.perSecond(operation);
        if (rate > 0) {
            slots.computeIfAbsent(operation, o -> new Slot((long) (TimeUnit.SECONDS.toNanos(1) / rate))).take();
        }
    }

    /** The next free moment for one operation. */
    private static final class Slot {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Slot(long intervalNanos) {
            this.intervalNanos = intervalNanos;
        }

        void take() {
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
}
