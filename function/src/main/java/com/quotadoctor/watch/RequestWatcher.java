package com.quotadoctor.watch;

import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.LoweredQuota;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.RegionEvidence;
import com.quotadoctor.domain.RequestStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The scheduled sweep: reads the request history of every configured region, records each request's
 * status, and announces each change. A request seen for the first time is announced only while it
 * matters (open, or decided within the propagation window), so a first sweep over 90 days of history
 * does not flood. A change that cannot be announced is put back, to be announced by the next sweep. The applied
 * values it reads (the quotas with a request) are kept too: one that fell since the last sweep is announced once,
 * as AWS lowering it.
 */
public final class RequestWatcher {

    private final RequestHistory history;
    private final StatusLedger ledger;
    private final StatusEvents events;
    private final Clock clock;
    private final Duration recent;

    public RequestWatcher(RequestHistory history, StatusLedger ledger, StatusEvents events, Clock clock, Duration recent) {
        this.history = history;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
        this.recent = recent;
    }

    public WatchReport sweep(List<String> regions) {
        Instant now = clock.instant();
        List<StatusChange> changes = new ArrayList<>();
        List<Drift> drift = new ArrayList<>();
        List<LoweredQuota> lowered = new ArrayList<>();
        java.util.Map<String, Double> readNow = new java.util.LinkedHashMap<>();
        List<com.quotadoctor.domain.EvidenceGap> gaps = new ArrayList<>();
        int seen = 0;
        java.util.Set<String> judged = new java.util.HashSet<>();
        for (RegionEvidence evidence : readAll(regions)) {
            gaps.addAll(evidence.errors()); // only what failed: the sweep reads two sections on purpose
            for (IncreaseRequest r : evidence.requests()) {
                if (!judged.add(r.id())) {
                    continue; // listed by two regions' histories: one request, judged once
                }
                seen++;
                Optional<Quota> quota = evidence.quota(r.quotaCode(), r.account());
                Optional<Double> applied = quota.flatMap(Quota::applied);
                if (applied.isPresent()) {
                    String key = StatusLedger.quotaKey(r.account(), evidence.region(), r.quotaCode());
                    if (readNow.putIfAbsent(key, applied.get()) == null) {
                        ledger.lastApplied(key).filter(before -> applied.get() < before.value())
                                .ifPresent(before -> lowered.add(new LoweredQuota(r.quotaCode(),
                                        quota.get().name(), evidence.region(), r.account(), before.value(),
                                        applied.get(), before.at(), now)));
                    }
                }
                Optional<String> previous = ledger.last(r.id());
                if (!previous.map(r.rawStatus()::equals).orElse(false)) {
                    if (previous.isPresent() || matters(r, now)) {
                        changes.add(new StatusChange(r.id(), r.caseId(), r.quotaCode(), r.quotaName(), r.region(),
                                r.account(), r.desiredValue(), applied, previous, r.rawStatus(), now));
                    } else {
                        ledger.record(r.id(), r.rawStatus(), now); // first seen, long settled: remembered, not announced
                    }
                }
                if (r.status() == RequestStatus.APPROVED && applied.isPresent() && applied.get() < r.desiredValue()) {
                    drift.add(new Drift(r.id(), r.quotaCode(), r.region(), r.desiredValue(), applied.get(), r.rawStatus()));
                }
            }
        }
        // announced first, recorded after: a change is remembered only once EventBridge has accepted it
        List<StatusChange> undelivered = changes.isEmpty() ? List.of() : events.emit(changes);
        List<StatusChange> emitted = changes.stream().filter(c -> !undelivered.contains(c)).toList();
        emitted.forEach(c -> ledger.record(c.requestId(), c.status(), now));
        // a fall not yet delivered keeps the higher value on record, so the next sweep announces it again
        List<LoweredQuota> loweredUndelivered = lowered.isEmpty() ? List.of() : events.emitLowered(lowered);
        readNow.forEach((key, value) -> {
            boolean held = loweredUndelivered.stream().anyMatch(l -> StatusLedger.quotaKey(l.account(), l.region(),
                    l.quotaCode()).equals(key));
            if (!held) {
                ledger.recordApplied(key, value, now);
            }
        });
        List<LoweredQuota> loweredEmitted = lowered.stream().filter(l -> !loweredUndelivered.contains(l)).toList();
        // a member role refused is one gap, not one per region read
        return new WatchReport(regions.size(), seen, emitted, undelivered, drift, loweredEmitted, loweredUndelivered,
                com.quotadoctor.domain.EvidenceGap.merged(gaps));
    }

    /**
     * Every region's history read at once (each read waits on AWS, not on the CPU), then judged in region order, so
     * the ledger sees the same sequence whatever the timing.
     */
    private List<RegionEvidence> readAll(List<String> regions) {
        if (regions.size() <= 1) {
            return regions.stream().map(history::read).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(regions.size(), 17), runnable -> {
            Thread thread = new Thread(runnable, "watch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<RegionEvidence>> reads = regions.stream()
                    .map(region -> CompletableFuture.supplyAsync(() -> history.read(region), pool)).toList();
            return reads.stream().map(CompletableFuture::join).toList();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e; // as the sequential read would have
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean matters(IncreaseRequest r, Instant now) {
        return r.status().isOpen() || r.decidedAt().map(t -> t.isAfter(now.minus(recent))).orElse(true);
    }
}
