package com.quotadoctor.watch;

import java.time.Instant;
import java.util.Optional;

/**
 * The last status announced (or seen, when it was not worth announcing) of each request, and the last applied value
 * read of each quota with a request, kept between sweeps. A sweep reads first and records only what it delivered, so a
 * sweep that dies half-way announces the rest next time.
 */
public interface StatusLedger {

    /** The status last recorded for this request, if any. */
    Optional<String> last(String requestId);

    /** Records {@code status} as the request's last; recording the same status twice (a retried call) is harmless. */
    void record(String requestId, String status, Instant now);

    /** The applied value last recorded for this quota ({@link #quotaKey}), and when it was read. */
    Optional<Applied> lastApplied(String quotaKey);

    /** Records {@code value} as the quota's applied value read at {@code now}. */
    void recordApplied(String quotaKey, double value, Instant now);

    /** One quota of one account in one region. */
    static String quotaKey(Optional<String> account, String region, String quotaCode) {
        return account.orElse("self") + "#" + region + "#" + quotaCode;
    }

    record Applied(double value, Instant at) {
    }
}
