package com.quotadoctor.handler;

import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.NotificationLedger;
import com.quotadoctor.workflow.NotifyStep;
import com.quotadoctor.workflow.Telemetry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Notify function: a result for what it can answer, an exception (so the workflow retries) for a failed publish. */
class NotifyHandlerTest {

    private static final String DIAGNOSIS = "{\"verdict\":\"ALIGNED\",\"fingerprint\":\"abc\",\"notification\":"
            + "{\"subject\":\"ALIGNED: retest\",\"text\":\"Quota Doctor verdict: ALIGNED\",\"attributes\":{\"verdict\":\"ALIGNED\"}}}";

    private final Set<String> claimed = new HashSet<>();
    private final NotificationLedger ledger = new NotificationLedger() {
        @Override
        public Claim claim(String fingerprint, String owner, Instant now, Instant leaseUntil) {
            return claimed.add(fingerprint) ? Claim.CLAIMED : Claim.SENT;
        }

        @Override
        public void sent(String fingerprint, String owner, Instant now, Instant expires) {
        }

        @Override
        public void release(String fingerprint, String owner) {
            claimed.remove(fingerprint);
        }
    };

    private String invoke(NotifyHandler handler, String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, new TestContext());
        return out.toString(StandardCharsets.UTF_8);
    }

    private NotifyHandler handler(com.quotadoctor.notification.NotificationPublisher publisher) {
        return new NotifyHandler(new NotifyStep(ledger, publisher, Clock.systemUTC(), Duration.ofDays(7), Telemetry.NONE),
                () -> { });
    }

    @Test
    void sendsOnceThenSuppresses() throws Exception {
        NotifyHandler handler = handler((n, copy) -> "message-1");

        assertThat(JsonTree.parse(invoke(handler, DIAGNOSIS)).path("result").asText()).isEqualTo("SENT");
        assertThat(JsonTree.parse(invoke(handler, DIAGNOSIS)).path("result").asText()).isEqualTo("SUPPRESSED");
    }

    @Test
    void aFailedPublishFailsTheInvocationAndKeepsNothingClaimed() {
        NotifyHandler handler = handler((n, copy) -> {
            throw new IllegalStateException("SNS is unavailable");
        });

        assertThatThrownBy(() -> invoke(handler, DIAGNOSIS)).hasMessage("SNS is unavailable");
        assertThat(claimed).isEmpty();
    }

    @Test
    void malformedInputIsAnErrorResult() throws Exception {
        String result = invoke(handler((n, copy) -> "never"), "{\"fingerprint\": \"abc\"}");

        assertThat(JsonTree.parse(result).path("error").asText()).isEqualTo("notification.subject: is required");
    }
}
