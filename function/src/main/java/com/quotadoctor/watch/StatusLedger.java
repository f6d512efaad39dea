package com.quotadoctor.watch;

import java.time.Instant;
import java.util.Optional;

/**
 * The last status announced (or seen, when it was not worth announcing) of each request, kept between sweeps. A
 * sweep reads first and records only what it delivered, so a sweep that dies half-way announces the rest next time.
 */
public interface StatusLedger {

    /** The status last recorded for this request, if any. */
    Optional<String> last(String requestId);

    /** Records {@code status} as the request's last; recording the same status twice (a retried call) is harmless. */
    void record(String requestId, String status, Instant now);
}
