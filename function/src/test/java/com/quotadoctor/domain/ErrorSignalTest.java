package com.quotadoctor.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorSignalTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Too many tokens, please wait before trying again. | TOKENS_PER_MINUTE",
            "Too many tokens per day, please wait before trying again. | TOKENS_PER_DAY",
            "Too many requests, please wait before trying again. You have sent too many requests. Wait before trying again. | REQUESTS_PER_MINUTE",
            "Your request rate is too high. Reduce the frequency of requests. | REQUESTS_PER_MINUTE",
            "TOO MANY TOKENS | TOKENS_PER_MINUTE",
    })
    void messagePointsAtTheMetric(String message, QuotaMetric metric) {
        assertThat(new ErrorSignal(Optional.of("ThrottlingException"), Optional.of(message)).boundMetric()).contains(metric);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"The request exceeds the service quota. Resubmit later.", "Model is not ready"})
    void otherMessagesSayNothing(String message) {
        assertThat(new ErrorSignal(Optional.empty(), Optional.of(message)).boundMetric()).isEmpty();
    }
}
