package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.notification.SizeBudget;
import com.quotadoctor.organization.AccountFilter;
import com.quotadoctor.stub.MemoryBucket;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sweep's list and reduce tasks on their own: what they write, what they refuse, what fits the workflow's state. */
class OrganizationStepTest {

    private final MemoryBucket bucket = new MemoryBucket();
    private final Map<String, String> objects = bucket.objects();

    private static String account(int i) {
        return String.format("%012d", 600_000_000_000L + i);
    }

    @Test
    void threeThousandAccountsNeedingActionFitTheStateTheReportInS3ListsThemAll() throws IOException {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            accounts.add(account(i));
        }
        OrganizationStep step = new OrganizationStep(filter -> accounts, bucket, AccountFilter.ALL);
        step.run("{\"action\":\"accounts\",\"sweep\":\"big\"}");
        ArrayNode results = JsonTree.NODES.arrayNode();
        for (String a : accounts) {
            ObjectNode report = JsonTree.NODES.objectNode().put("account", a).put("verdict", "USAGE_EXCEEDS_QUOTA")
                    .put("severity", "CRITICAL").put("fingerprint", "0123456789abcdef0123456789abcdef");
            report.putArray("throttled").addObject().put("region", "us-west-2")
                    .put("model", "us.anthropic.claude-sonnet-4-5-20250929-v1:0").put("quotaCode", "L-F4DDD3EB")
                    .put("quotaName", "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1")
                    .put("failedCalls", 30).put("throttles", 360);
            report.putArray("increases");
            ObjectNode child = results.addObject();
            child.put("Input", "{\"memberAccount\":\"" + a + "\"}");
            child.put("Output", JsonTree.compact(JsonTree.NODES.objectNode().set("accountReport", report)));
            child.put("Status", "SUCCEEDED");
        }
        objects.put("results/run/SUCCEEDED_0.json", JsonTree.compact(results));
        objects.put("results/run/manifest.json", "{\"ResultFiles\":{\"SUCCEEDED\":[{\"Key\":\"results/run/SUCCEEDED_0.json\"}]}}");

        ObjectNode out = step.run("{\"action\":\"reduce\",\"sweep\":\"big\",\"results\":{\"ResultWriterDetails\":"
                + "{\"Bucket\":\"b\",\"Key\":\"results/run/manifest.json\"}}}");

        assertThat(SizeBudget.bytes(JsonTree.compact(out))).isLessThanOrEqualTo(OrganizationStep.STATE_BUDGET);
        assertThat(out.at("/organization/counts/accounts").asInt()).isEqualTo(3_000);
        assertThat(out.at("/organization/accounts").size()).isPositive().isLessThan(3_000);
        assertThat(out.at("/organization/report").asText()).isEqualTo("s3://b/sweeps/big/report.json");
        JsonNode kept = JsonTree.parse(objects.get("sweeps/big/report.json"));
        assertThat(kept.get("accounts").size()).isEqualTo(3_000);
    }

    @Test
    void aSweepNameOrAnActionOrAManifestOutsideTheResultsIsRefused() {
        OrganizationStep step = new OrganizationStep(filter -> List.of(), bucket, AccountFilter.ALL);

        assertThatThrownBy(() -> step.run("{\"action\":\"accounts\",\"sweep\":\"../etc\"}"))
                .isInstanceOf(ShapeException.class).hasMessageContaining("sweep");
        assertThatThrownBy(() -> step.run("{\"action\":\"delete\",\"sweep\":\"s\"}"))
                .isInstanceOf(ShapeException.class).hasMessageContaining("expected 'accounts' or 'reduce'");
        assertThatThrownBy(() -> step.run("{\"action\":\"reduce\",\"sweep\":\"s\",\"results\":{\"ResultWriterDetails\":"
                + "{\"Bucket\":\"b\",\"Key\":\"sweeps/other/report.json\"}}}"))
                .isInstanceOf(ShapeException.class).hasMessageContaining("results/");
    }

    @Test
    void oneSweepAtATimeOnAwsOwnDynamoDbLocalAndTheNextAfterItReduces() {
        try (com.quotadoctor.stub.LocalDynamo dynamo = new com.quotadoctor.stub.LocalDynamo()) {
            RunLedger ledger = new com.quotadoctor.workflow.aws.DynamoDbRunLedger(dynamo.client(),
                    com.quotadoctor.stub.LocalDynamo.TABLE);
            java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-25T10:00:00Z"),
                    java.time.ZoneOffset.UTC);
            java.util.concurrent.atomic.AtomicInteger listed = new java.util.concurrent.atomic.AtomicInteger();
            OrganizationStep step = new OrganizationStep(filter -> {
                listed.incrementAndGet();
                return List.of(account(1));
            }, bucket, AccountFilter.ALL, ledger, clock);

            ObjectNode first = step.run("{\"action\":\"accounts\",\"sweep\":\"first\"}");
            // 50 alarms set by hand while it runs: none of them sweeps, none lists the organisation
            for (int i = 0; i < 50; i++) {
                assertThat(step.run("{\"action\":\"accounts\",\"sweep\":\"alarm-" + i + "\"}").has("busy")).isTrue();
            }
            // the first sweep's own task retried is still the first sweep
            ObjectNode retried = step.run("{\"action\":\"accounts\",\"sweep\":\"first\"}");
            objects.put("results/run/manifest.json", "{\"ResultFiles\":{}}");
            step.run("{\"action\":\"reduce\",\"sweep\":\"first\",\"results\":{\"ResultWriterDetails\":"
                    + "{\"Bucket\":\"b\",\"Key\":\"results/run/manifest.json\"}}}");
            ObjectNode next = step.run("{\"action\":\"accounts\",\"sweep\":\"next\"}");

            assertThat(first.has("busy")).isFalse();
            assertThat(retried.has("busy")).isFalse();
            assertThat(next.has("busy")).isFalse();
            assertThat(listed.get()).isEqualTo(3);
        }
    }
}
