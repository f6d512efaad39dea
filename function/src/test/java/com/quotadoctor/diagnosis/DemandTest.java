package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.MetricSeries;
import com.quotadoctor.domain.ModelId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemandTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final ModelId SONNET = ModelId.parse("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    private static final ModelId NOVA = ModelId.parse("amazon.nova-pro-v1:0");

    private static MetricSeries at(String metric, ModelId model, Duration ago, double value) {
        return new MetricSeries(metric, model.invokedId(), "Sum", 60, List.of(NOW.minus(ago)), List.of(value));
    }

    @Test
    void peaksCountOnlyInsideTheRecentWindow() {
        List<MetricSeries> metrics = List.of(
                at("InputTokenCount", NOVA, Duration.ofHours(3), 1000),
                new MetricSeries("InputTokenCount", NOVA.invokedId(), "Sum", 60,
                        List.of(NOW.minus(Duration.ofHours(3)).minusSeconds(1)), List.of(999999.0)));

        Demand demand = Demand.of(NOVA, metrics, NOW, Duration.ofHours(3));

        assertThat(demand.peakTokensPerMinute()).contains(1000.0);
        assertThat(demand.tokensLastDay()).contains(1000999.0);
    }

    @Test
    void theDayEndsTwentyFourHoursBeforeCapture() {
        List<MetricSeries> metrics = List.of(
                at("InputTokenCount", NOVA, Duration.ofDays(1), 10),
                at("InputTokenCount", NOVA, Duration.ofDays(1).plusSeconds(1), 5000));

        assertThat(Demand.of(NOVA, metrics, NOW, Duration.ofHours(3)).tokensLastDay()).contains(10.0);
    }

    @Test
    void valuesAfterCaptureAreIgnored() {
        List<MetricSeries> metrics = List.of(at("InputTokenCount", NOVA, Duration.ofSeconds(-60), 5000));

        assertThat(Demand.of(NOVA, metrics, NOW, Duration.ofHours(3)).peakTokensPerMinute()).isEmpty();
    }

    @Test
    void outputBurnsDownFiveTimesForNewClaudeAndOnceForOthers() {
        assertThat(Demand.of(SONNET, List.of(at("OutputTokenCount", SONNET, Duration.ofMinutes(1), 100)), NOW,
                Duration.ofHours(3)).peakTokensPerMinute()).contains(500.0);
        assertThat(Demand.of(NOVA, List.of(at("OutputTokenCount", NOVA, Duration.ofMinutes(1), 100)), NOW,
                Duration.ofHours(3)).peakTokensPerMinute()).contains(100.0);
    }

    @Test
    void longerPeriodsAreReadAsPerMinuteRates() {
        MetricSeries fiveMinutes = new MetricSeries("Invocations", NOVA.invokedId(), "Sum", 300,
                List.of(NOW.minusSeconds(300)), List.of(500.0));

        assertThat(Demand.of(NOVA, List.of(fiveMinutes), NOW, Duration.ofHours(3)).peakRequestsPerMinute()).contains(100.0);
    }

    @Test
    void requestsCountAcceptedAndThrottledTogether() {
        List<MetricSeries> metrics = List.of(
                at("Invocations", NOVA, Duration.ofMinutes(1), 80),
                at("InvocationThrottles", NOVA, Duration.ofMinutes(1), 30));

        Demand demand = Demand.of(NOVA, metrics, NOW, Duration.ofHours(3));

        assertThat(demand.peakRequestsPerMinute()).contains(110.0);
        assertThat(demand.throttles()).isEqualTo(30.0);
    }

    @Test
    void anotherModelsSeriesIsNotThisDemand() {
        List<MetricSeries> metrics = List.of(at("InputTokenCount", SONNET, Duration.ofMinutes(1), 1000));

        assertThat(Demand.of(NOVA, metrics, NOW, Duration.ofHours(3))).isEqualTo(Demand.UNKNOWN);
    }
}
