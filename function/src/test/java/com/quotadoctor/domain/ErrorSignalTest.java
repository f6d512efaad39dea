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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "An error occurred (throttlingException) when calling the InvokeAgent operation: Your request rate is too high.",
            "An error occurred (ThrottlingException) when calling the RetrieveAndGenerate operation: Too many requests",
            "alarm support-agent watches AWS/Bedrock/Agents (ModelInvocationThrottles)"})
    void agentAndKnowledgeBaseCallsAreRecognised(String message) {
        ErrorSignal signal = new ErrorSignal(java.util.Optional.empty(), java.util.Optional.of(message));

        org.assertj.core.api.Assertions.assertThat(signal.pointsAtAgents()).isTrue();
        // an agent's "request rate" may be the agent API's own: it binds no model quota
        org.assertj.core.api.Assertions.assertThat(signal.boundMetric()).isNotEqualTo(java.util.Optional.of(QuotaMetric.REQUESTS_PER_MINUTE));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "Too many tokens per day, please wait before trying again. user agent: Boto3/1.40",
            "Too many tokens per day; see knowledge base article 123",
            "Retrieve later: too many tokens per day"})
    void innocentWordsAreNotAgentsAndKeepTheirMetric(String message) {
        ErrorSignal signal = new ErrorSignal(java.util.Optional.empty(), java.util.Optional.of(message));

        org.assertj.core.api.Assertions.assertThat(signal.pointsAtAgents()).isFalse();
        org.assertj.core.api.Assertions.assertThat(signal.boundMetric()).contains(QuotaMetric.TOKENS_PER_DAY);
    }
}
