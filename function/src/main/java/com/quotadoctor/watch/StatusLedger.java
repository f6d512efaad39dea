package com.quotadoctor.watch;

import java.time.Instant;
import java.util.Optional;

/** The last status seen of each request, kept between sweeps. */
public interface StatusLedger {

    /** What recording a status did: whether it changed, and from what. */
    record Recorded(boolean changed, Optional<String> previous) {
    }

    /** Records {@code status} unless it is already the one recorded; atomic per request. */
    Recorded record(String requestId, String status, Instant now);

    /** Puts back what was recorded before, so that the next sweep sees the change again. */
    void restore(String requestId, Optional<String> previous);
}
