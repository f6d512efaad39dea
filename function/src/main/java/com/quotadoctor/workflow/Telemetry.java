package com.quotadoctor.workflow;

/** What the workflow counts: diagnoses by verdict, skips, rejections, notifications sent and suppressed, gaps. */
public interface Telemetry {

    Telemetry NONE = new Telemetry() {
    };

    default void diagnosed(String verdict, int evidenceGaps) {
    }

    default void skipped(String trigger) {
    }

    default void rejected() {
    }

    default void notified() {
    }

    default void suppressed() {
    }

    /** The value of a quota that governs failing calls to {@code model} in {@code region}. */
    default void governingQuota(String model, String region, String quotaCode, double value) {
    }
}
