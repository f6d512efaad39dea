package com.quotadoctor.workflow;

import java.time.Instant;

/**
 * Which situations a diagnosis is running for, so that a storm of triggers (an alarm firing each minute, the same
 * event delivered twice, a schedule beside an alarm) starts at most one: the first claims the situation, the others
 * are skipped before reading any evidence. A claim lapses by itself ({@code until}); a run that waits holds it on.
 */
public interface RunLedger {

    /**
     * Claims {@code situation} for {@code owner} till {@code until}: true if it was free, lapsed, or already this
     * owner's (the same event retried); false while another run holds it.
     */
    boolean start(String situation, String owner, Instant now, Instant until);

    /** Holds the situation till {@code until}, whoever claimed it: the run that waits on, or one that just ended. */
    void hold(String situation, Instant until);

    /** No ledger (the CLI, tests): every run starts. */
    RunLedger NONE = new RunLedger() {
        @Override
        public boolean start(String situation, String owner, Instant now, Instant until) {
            return true;
        }

        @Override
        public void hold(String situation, Instant until) {
        }
    };
}
