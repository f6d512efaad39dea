package com.quotadoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.json.JsonTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plan --traffic}: the example traffic file against a snapshot's quotas, in every format, and bad input. */
class PlanCommandTest {

    private static final String TRAFFIC = Path.of("..", "events", "traffic.yaml").toString();
    private static final String SNAPSHOT = Path.of("..", "events", "snapshots", "region-mismatch.json").toString();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return QuotaDoctorCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theExampleTrafficNeedsOneRaiseWithItsCommandAndArithmetic() {
        int code = run("plan", "--traffic", TRAFFIC, "--snapshot", SNAPSHOT);

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).startsWith("Quota Doctor capacity plan: 1 quota to raise\n")
                .contains("   $ aws service-quotas request-service-quota-increase --service-code bedrock --quota-code "
                        + "L-F4DDD3EB --desired-value 1100000 --region us-west-2\n")
                .contains("tokens per minute: L-F4DDD3EB needs 851,520, applies 200,000 (default 200,000) → raise to 1,100,000")
                .contains("120 calls/min × (3,000 in + 5 × 800 out) = 840,000 settled")
                .contains("requests per minute: L-4A6BFAB1 needs 120, applies 200 (default 200) → fits (40 % headroom)");
    }

    @Test
    void failOnRaiseGatesALaunch() {
        assertThat(run("plan", "--traffic", TRAFFIC, "--snapshot", SNAPSHOT, "--fail-on", "raise")).isEqualTo(3);
    }

    @Test
    void jsonCarriesTheFilingsAndEveryQuota() throws Exception {
        run("plan", "--traffic", TRAFFIC, "--snapshot", SNAPSHOT, "--format", "json");

        JsonNode plan = JsonTree.parse(out.toString());
        assertThat(plan.get("needsAction").asBoolean()).isTrue();
        assertThat(plan.at("/filings/0/quotaCode").asText()).isEqualTo("L-F4DDD3EB");
        assertThat(plan.at("/filings/0/desiredValue").asDouble()).isEqualTo(1_100_000);
        assertThat(plan.at("/filings/0/justification").asText()).contains("851,520").contains("+ 25 %");
        assertThat(plan.get("quotas")).hasSize(3);
        assertThat(plan.at("/quotas/0/verdict").asText()).isEqualTo("raise");
    }

    @Test
    void csvIsOneRowPerQuotaAndNeverAFormula() throws Exception {
        Path traffic = dir.resolve("t.yaml");
        Files.writeString(traffic, Files.readString(Path.of(TRAFFIC)).replace("name: support-bot", "name: '=HYPERLINK(1)'"));

        run("plan", "--traffic", traffic.toString(), "--snapshot", SNAPSHOT, "--format", "csv");

        String[] rows = out.toString().split("\r\n");
        assertThat(rows[0]).startsWith("workload,region,account,");
        assertThat(rows).hasSize(4);
        assertThat(rows[1]).startsWith("\"'=HYPERLINK(1)\",\"us-west-2\"");
    }

    @Test
    void badTrafficIsOneLineNamingTheFileAndFieldExitTwo() throws Exception {
        Path traffic = dir.resolve("bad.yaml");
        Files.writeString(traffic, "workloads:\n  - model: amazon.nova-pro-v1:0\n    regions: [us-east-1]\n"
                + "    callsPerMinute: {peak: -5}\n    tokensPerCall: {input: 1, output: 1}\n");

        assertThat(run("plan", "--traffic", traffic.toString(), "--snapshot", SNAPSHOT)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("quota-doctor: traffic file " + traffic
                + ": workloads[0].callsPerMinute.peak: must be above 0, got -5.0\n");
    }

    @Test
    void markdownShowsOutsideTextInert() throws Exception {
        Path traffic = dir.resolve("t.yaml");
        Files.writeString(traffic, Files.readString(Path.of(TRAFFIC)).replace("name: support-bot",
                "name: '[Approve](https://evil.example) <!channel>'"));

        run("plan", "--traffic", traffic.toString(), "--snapshot", SNAPSHOT, "--format", "markdown");

        assertThat(out.toString()).contains("\\[Approve\\](https://evil.example) \\<\\!channel\\>")
                .doesNotContain("[Approve](");
    }
}
