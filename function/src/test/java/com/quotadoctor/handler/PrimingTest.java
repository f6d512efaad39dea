package com.quotadoctor.handler;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The SnapStart priming hook runs a whole diagnosis from the jar's own resources, offline, and builds the clients. */
class PrimingTest {

    @Test
    void primesWithABundledDiagnosisAndPreparesTheClients() {
        AtomicInteger prepared = new AtomicInteger();

        String verdict = new Priming(prepared::incrementAndGet).prime();

        assertThat(verdict).isEqualTo("REGION_MISMATCH");
        assertThat(prepared).hasValue(1);
    }
}
