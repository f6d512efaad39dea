package com.quotadoctor.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaTest {

    private final Quota tpm = new Quota("L-F4DDD3EB", "tpm", QuotaClassifier.classify("L-F4DDD3EB", null), "us-east-1",
            Optional.of("111122223333"), Optional.of(400000.0), Optional.of(200000.0), Optional.of(true));

    @Test
    void anotherAccountKeepsTheDefaultButNotTheAppliedValue() {
        Quota theirs = tpm.forAccount(Optional.of("444455556666"));

        assertThat(theirs.applied()).isEmpty();
        assertThat(theirs.effectiveValue()).contains(200000.0);
        assertThat(theirs.account()).contains("444455556666");
        assertThat(theirs.code()).isEqualTo("L-F4DDD3EB");
    }

    @Test
    void theSameOrAnUnknownAccountKeepsEverything() {
        assertThat(tpm.forAccount(Optional.of("111122223333"))).isEqualTo(tpm);
        assertThat(tpm.forAccount(Optional.empty())).isEqualTo(tpm);
    }
}
