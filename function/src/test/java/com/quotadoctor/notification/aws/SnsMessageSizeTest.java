package com.quotadoctor.notification.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.Notification;
import com.quotadoctor.notification.SizeBudget;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SNS refuses a message over 256 KiB: every message fits, shrinking the least useful part first. */
class SnsMessageSizeTest {

    private static String machine(int findings, int evidenceBytes) {
        ObjectNode d = JsonTree.NODES.objectNode();
        d.put("verdict", "REGION_MISMATCH");
        d.put("fingerprint", "f00d");
        ArrayNode list = d.putArray("findings");
        for (int i = 0; i < findings; i++) {
            ObjectNode f = list.addObject();
            f.put("code", "REGION_MISMATCH");
            f.put("title", "Increase in us-east-1, failing calls in us-west-2 #" + i);
            f.putObject("evidence").put("blob", "é".repeat(evidenceBytes / 2));
        }
        return JsonTree.compact(d);
    }

    private static Notification notification(int textBytes) {
        return new Notification("REGION_MISMATCH: Increase in us-east-1, failing calls in us-west-2",
                "Quota Doctor verdict: REGION_MISMATCH\n" + "x".repeat(textBytes), "{\"version\":\"1.0\"}",
                Map.of("verdict", "REGION_MISMATCH"));
    }

    @Test
    void aMessageUnderTheLimitIsSentWhole() throws IOException {
        String message = SnsPublisher.message(notification(10_000), machine(3, 1_000), SizeBudget.LIMIT);

        JsonNode body = JsonTree.parse(message);
        assertThat(body.path("default").asText()).hasSize("Quota Doctor verdict: REGION_MISMATCH\n".length() + 10_000);
        assertThat(JsonTree.parse(body.path("sqs").asText()).path("findings").path(0).has("evidence")).isTrue();
    }

    @Test
    void evidenceGoesFirstThenTheReportTextAndTheVerdictAlwaysStays() throws IOException {
        for (int[] size : new int[][]{{50_000, 2_000}, {300_000, 1_000}, {10_000, 40_000}, {900_000, 20_000}}) {
            String message = SnsPublisher.message(notification(size[0]), machine(40, size[1]), SizeBudget.LIMIT);

            assertThat(SizeBudget.bytes(message)).as("%s", java.util.Arrays.toString(size)).isLessThanOrEqualTo(SizeBudget.LIMIT);
            JsonNode body = JsonTree.parse(message);
            assertThat(body.path("default").asText()).startsWith("Quota Doctor verdict: REGION_MISMATCH");
            JsonNode machine = JsonTree.parse(body.path("sqs").asText());
            assertThat(machine.path("verdict").asText()).isEqualTo("REGION_MISMATCH");
            assertThat(machine.path("fingerprint").asText()).isEqualTo("f00d");
        }
    }

    @Test
    void atTheLimitByteForByte() throws IOException {
        // grow the text until the whole message is exactly at the budget: it goes out whole; one byte more shrinks it
        String machine = machine(2, 100);
        int text = SizeBudget.LIMIT - SizeBudget.bytes(SnsPublisher.message(notification(0), machine, Integer.MAX_VALUE));
        String exact = SnsPublisher.message(notification(text), machine, SizeBudget.LIMIT);
        String over = SnsPublisher.message(notification(text + 1), machine, SizeBudget.LIMIT);

        assertThat(SizeBudget.bytes(exact)).isEqualTo(SizeBudget.LIMIT);
        assertThat(JsonTree.parse(exact).path("sqs").asText()).doesNotContain("shortened");
        assertThat(SizeBudget.bytes(over)).isLessThanOrEqualTo(SizeBudget.LIMIT);
        assertThat(JsonTree.parse(over).path("sqs").asText()).contains("shortened");
    }
}
