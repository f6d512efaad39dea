package com.quotadoctor.watch;

import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.LoweredQuota;

import java.util.List;

/** What one sweep saw and did. */
public record WatchReport(int regions, int requests, List<StatusChange> emitted, List<StatusChange> undelivered,
                          List<Drift> drift, List<LoweredQuota> lowered, List<LoweredQuota> loweredUndelivered,
                          List<EvidenceGap> gaps) {

    public WatchReport {
        emitted = List.copyOf(emitted);
        undelivered = List.copyOf(undelivered);
        drift = List.copyOf(drift);
        lowered = List.copyOf(lowered);
        loweredUndelivered = List.copyOf(loweredUndelivered);
        gaps = List.copyOf(gaps);
    }
}
