package com.quotadoctor.watch;

import com.quotadoctor.domain.EvidenceGap;

import java.util.List;

/** What one sweep saw and did. */
public record WatchReport(int regions, int requests, List<StatusChange> emitted, List<StatusChange> undelivered,
                          List<Drift> drift, List<EvidenceGap> gaps) {

    public WatchReport {
        emitted = List.copyOf(emitted);
        undelivered = List.copyOf(undelivered);
        drift = List.copyOf(drift);
        gaps = List.copyOf(gaps);
    }
}
