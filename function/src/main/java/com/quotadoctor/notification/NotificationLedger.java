package com.quotadoctor.notification;

import java.time.Instant;

/** Remembers what was announced, so that a situation is announced once, and again only when it changes. */
public interface NotificationLedger {

    /** @return true when this call claimed the fingerprint; false when it was already announced and not yet expired */
    boolean claim(String fingerprint, Instant now, Instant expires);

    /** Gives the claim back, so that a retry can announce what failed to go out. */
    void release(String fingerprint);
}
