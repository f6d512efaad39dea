package com.quotadoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnoseCommandTest {

    private static final Path SNAPSHOTS = Path.of(System.getProperty("quotadoctor.events", "../events"), "snapshots");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QuotaDoctorCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private String snapshot(String name) {
        return SNAPSHOTS.resolve(name).toString();
    }

    @Test
    void helpListsTheCommands() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("diagnose").contains("Usage: quota-doctor");
    }

    @Test
    void diagnoseHelpListsTheContractFlags() {
        run("diagnose", "--help");

        assertThat(out.toString()).contains("--snapshot", "--model", "--region", "--account", "--request-id",
                "--error-message", "--format");
    }

    @Test
    void jsonOutputCarriesTheContractFields() throws IOException {
        int code = run("diagnose", "--snapshot", snapshot("propagation-pending.json"), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(code).isZero();
        assertThat(json.get("verdict").asText()).isEqualTo("PROPAGATION_PENDING");
        assertThat(json.get("findings").get(0).get("remediation").get(0).get("command").asText())
                .contains("--region us-east-1").contains("L-F4DDD3EB");
        assertThat(json.get("nextCheckSeconds").asLong()).isPositive();
        assertThat(json.get("deadline").asText()).isEqualTo("2026-11-26T09:20:00.903Z");
        assertThat(json.get("fingerprint").asText()).hasSize(32);
        assertThat(json.get("attempt").asInt()).isEqualTo(1);
        assertThat(json.get("evidenceGaps").isArray()).isTrue();
        assertThat(json.get("request").get("modelIds").get(0).asText()).startsWith("us.anthropic");
    }

    @Test
    void jsonCarriesOnePlanForTheWholeSituation() throws IOException {
        int code = run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(code).isZero();
        JsonNode plan = json.get("plan");
        assertThat(plan.size()).isGreaterThan(1);
        assertThat(plan.get(0).get("kind").asText()).isEqualTo("change-client");
        assertThat(plan.get(0).get("serves").get(0).asText()).isEqualTo("REGION_MISMATCH");
        List<JsonNode> increases = new java.util.ArrayList<>();
        plan.forEach(step -> {
            if (step.get("kind").asText().equals("request-increase")) {
                increases.add(step);
            }
        });
        // REGION_MISMATCH and USAGE_EXCEEDS_QUOTA both raise L-F4DDD3EB in us-west-2: one step, one value
        assertThat(increases).singleElement().satisfies(step -> {
            assertThat(step.get("quotaCode").asText()).isEqualTo("L-F4DDD3EB");
            assertThat(step.get("region").asText()).isEqualTo("us-west-2");
            assertThat(step.get("value").asLong()).isEqualTo(400000);
            assertThat(step.get("command").asText()).contains("--desired-value 400000 --region us-west-2");
            assertThat(step.get("links").get(0).asText()).startsWith("https://us-west-2.console.aws.amazon.com/servicequotas/");
            assertThat(step.get("serves")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("REGION_MISMATCH", "USAGE_EXCEEDS_QUOTA");
        });
        assertThat(json.get("justification").asText()).contains("peak 205,000 tokens per minute").contains("5x burndown");
    }

    @Test
    void theLookBackIsHeldToItsBoundsAtItsFlag() {
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch-metrics-only.json"), "--lookback", "6h"))
                .isZero();
        assertThat(out.toString()).contains("REGION_MISMATCH");
        for (String bad : List.of("25h", "5m", "3w", "PT3H", "")) {
            err.getBuffer().setLength(0);
            assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--lookback", bad)).as(bad).isEqualTo(2);
            assertThat(err.toString().lines()).as(bad).singleElement().asString().contains("--lookback");
        }
    }

    @Test
    void aLoweredQuotaIsAskedBackAtTheValueTheAccountHad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        // the watcher saw 800,000 before the fall: that is what the plan asks, not the 500,000 default
        var mapper = new ObjectMapper();
        var snapshot = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                java.nio.file.Path.of(snapshot("quota-lowered.json")).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) snapshot.path("request").path("lowered"))
                .put("previousValue", 800_000.0);
        java.nio.file.Path file = dir.resolve("lowered-800k.json");
        mapper.writeValue(file.toFile(), snapshot);

        assertThat(run("diagnose", "--snapshot", file.toString())).isZero();
        assertThat(out.toString()).contains("--quota-code L-58BE175A --desired-value 800000")
                .contains("the 800,000 the account had until 2026-11-25T09:00:00Z");
    }

    @Test
    void aThrottleOlderThanTheLookBackIsNotCurrent(@TempDir Path dir) throws IOException {
        // the sweep's only evidence is CloudWatch's throttles: moved to 14 and 15 minutes before the capture
        var mapper = new ObjectMapper();
        var snapshot = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                Path.of(snapshot("region-mismatch-metrics-only.json")).toFile());
        snapshot.path("regions").forEach(r -> r.path("metrics").forEach(m -> {
            if (m.path("MetricName").asText().equals("InvocationThrottles")) {
                var values = (com.fasterxml.jackson.databind.node.ArrayNode) m.path("Values");
                for (int i = 0; i < values.size(); i++) {
                    values.set(i, i < 2 ? 9.0 : 0.0);
                }
            }
        }));
        Path file = dir.resolve("old-throttles.json");
        mapper.writeValue(file.toFile(), snapshot);

        assertThat(run("diagnose", "--snapshot", file.toString())).isZero();
        assertThat(out.toString()).as("within the default 3 h").contains("verdict: REGION_MISMATCH");
        out.getBuffer().setLength(0);
        assertThat(run("diagnose", "--snapshot", file.toString(), "--lookback", "10m")).isZero();
        assertThat(out.toString()).as("older than the 10 minutes looked at").doesNotContain("REGION_MISMATCH");
    }

    @Test
    void failOnTurnsSeverityIntoAnExitStatus() {
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--fail-on", "critical")).isEqualTo(3);
        assertThat(run("diagnose", "--snapshot", snapshot("request-pending.json"), "--fail-on", "warning")).isEqualTo(3);
        assertThat(run("diagnose", "--snapshot", snapshot("max-tokens-reservation.json"), "--fail-on", "critical"))
                .as("a warning only").isZero();
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"))).as("default unchanged").isZero();
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--fail-on", "info"))
                .as("bad usage").isEqualTo(2);
    }

    @Test
    void nextCheckSecondsIsAbsentWhenWaitingDoesNotHelp() throws IOException {
        run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("verdict").asText()).isEqualTo("REGION_MISMATCH");
        assertThat(json.has("nextCheckSeconds")).isFalse();
    }

    @Test
    void textAndMarkdownNameTheVerdictAndTheFix() {
        run("diagnose", "--snapshot", snapshot("region-mismatch.json"));
        String text = out.toString();
        out.getBuffer().setLength(0);
        run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--format", "markdown");
        String markdown = out.toString();

        assertThat(text).contains("REGION_MISMATCH").contains("$ aws service-quotas request-service-quota-increase");
        assertThat(markdown).startsWith("# Quota Doctor verdict: REGION_MISMATCH").contains("```sh");
    }

    @Test
    void flagsOverrideTheSnapshotRequest() throws IOException {
        // aligned.json asks about us-east-1, where the increase applies; --region says the calls run in us-west-2
        run("diagnose", "--snapshot", snapshot("aligned.json"), "--region", "us-west-2", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("request").get("regions").get(0).asText()).isEqualTo("us-west-2");
        assertThat(json.get("verdict").asText()).isEqualTo("REGION_MISMATCH");
        assertThat(json.get("evidenceGaps").get(0).get("region").asText()).as("us-west-2 was never read").isEqualTo("us-west-2");
    }

    @Test
    void unreadableSnapshotExitsTwoWithOneLine(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"capturedAt\": \"2026-11-25T10:00:00Z\",\n \"regions\": {\"us-east-1\": [}}");

        int code = run("diagnose", "--snapshot", broken.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().trim()).doesNotContain("\n").contains("not valid JSON (line 2");
    }

    @Test
    void aMalformedValueCostsItsSectionNotTheDiagnosis(@TempDir Path dir) throws IOException {
        Path snapshot = dir.resolve("one-bad-value.json");
        Files.writeString(snapshot, Files.readString(Path.of(snapshot("region-mismatch.json")))
                .replaceFirst("\"Value\": 400000.0", "\"Value\": \"lots\""));

        int code = run("diagnose", "--snapshot", snapshot.toString(), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(code).isZero();
        assertThat(json.get("verdict").asText()).isEqualTo("REGION_MISMATCH");
        assertThat(json.get("evidenceGaps").get(0).get("message").asText())
                .startsWith("regions.us-east-1.serviceQuotas[").contains(".Value: expected a number");
    }

    @Test
    void filesThatAreNotBoundedDocumentsAreRefusedBeforeTheyAreRead(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"capturedAt\": \"2026-11-25T10:00:00Z\", \"x\": \"caf\u00e9\"}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[com.quotadoctor.trigger.TriggerParser.LARGEST_EVENT + 10]);

        for (String[] args : List.of(new String[]{"diagnose", "--snapshot", "/dev/zero"},
                new String[]{"diagnose", "--snapshot", fifo.toString()},
                new String[]{"diagnose", "--snapshot", dir.toString()},
                new String[]{"diagnose", "--snapshot", latin1.toString()},
                new String[]{"handle", "--event", huge.toString(), "--snapshot", snapshot("aligned.json")},
                new String[]{"handle", "--event", "/dev/urandom", "--snapshot", snapshot("aligned.json")})) {
            err.getBuffer().setLength(0);

            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString().lines()).as(String.join(" ", args)).singleElement().asString()
                    .startsWith("quota-doctor: ").containsAnyOf("not a regular file", "not UTF-8", "larger than");
        }
    }

    @Test
    void hostileNumbersAreRefusedByTheirPlaceNotComputed(@TempDir Path dir) throws Exception {
        // 1e100000000 as epoch seconds once built a hundred-million-digit integer; 1e400 overflowed to Infinity
        Path loop = dir.resolve("loop.json");
        Files.writeString(loop, Files.readString(Path.of("..", "events", "loop-previous-diagnosis.json"))
                .replaceAll("\"deadline\" : \"[^\"]+\"", "\"deadline\" : 1e100000000"));
        Path snapshot = dir.resolve("snapshot.json");
        Files.writeString(snapshot, Files.readString(Path.of(snapshot("aligned.json"))).replace("\"Value\": 200000.0", "\"Value\": 1e400"));

        assertThat(run("handle", "--event", loop.toString(), "--snapshot", snapshot("aligned.json"))).isEqualTo(2);
        assertThat(err.toString()).contains("deadline: epoch seconds out of range");
        out.getBuffer().setLength(0);
        assertThat(run("diagnose", "--snapshot", snapshot.toString(), "--format", "json")).isZero();
        assertThat(out.toString()).contains("number out of range");
    }

    @Test
    void jacksonsOwnLimitsAreBadInputWithOneLine(@TempDir Path dir) throws Exception {
        String head = "{\"capturedAt\": \"2026-11-25T10:00:00Z\", \"x\": ";
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, head + "[".repeat(2000) + "]".repeat(2000) + "}");
        Path longNumber = dir.resolve("number.json");
        Files.writeString(longNumber, head + "9".repeat(2000) + "}");

        for (Path file : List.of(deep, longNumber)) {
            err.getBuffer().setLength(0);

            assertThat(run("diagnose", "--snapshot", file.toString())).as(file.toString()).isEqualTo(2);
            assertThat(err.toString().lines()).singleElement().asString()
                    .startsWith("quota-doctor: snapshot is not valid JSON: ").contains("exceeds the maximum allowed");
        }
    }

    @Test
    void missingSnapshotExitsTwo() {
        assertThat(run("diagnose", "--snapshot", "/nonexistent/snap.json")).isEqualTo(2);
        assertThat(err.toString()).contains("not found");
    }

    @Test
    void anErrorLineQuotingOutsideTextCarriesNoTerminalControl() {
        int code = run("diagnose", "--snapshot", "/nonexistent/\u001b]0;owned\u0007\u001b[2J\u202Egnp.json");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: ").doesNotContain("\u001b", "\u0007", "\u202E")
                .hasLineCount(1);
    }

    @Test
    void malformedModelIdExitsTwo() {
        int code = run("diagnose", "--snapshot", snapshot("aligned.json"), "--model", "claude sonnet");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: --model: malformed model id");
    }

    @Test
    void unknownRegionExitsTwo() {
        int code = run("diagnose", "--snapshot", snapshot("aligned.json"), "--region", "us-middle-9");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown region 'us-middle-9'");
    }

    @Test
    void badAccountAndUnknownFlagAndFormatExitTwo() {
        assertThat(run("diagnose", "--snapshot", snapshot("aligned.json"), "--account", "12345")).isEqualTo(2);
        assertThat(run("diagnose", "--snapshot", snapshot("aligned.json"), "--colour")).isEqualTo(2);
        assertThat(run("diagnose", "--snapshot", snapshot("aligned.json"), "--format", "yaml")).isEqualTo(2);
    }

    @Test
    void liveCollectionFlagsAreValidatedBeforeAnyCall() {
        assertThat(run("diagnose", "--region", "us-east-1", "--role-arn", "arn:aws:iam::1:user/x")).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: --role-arn: expected an IAM role ARN");
    }

    @Test
    void anUnknownScanRegionIsBadInput() {
        assertThat(run("capture", "--out", "x.json", "--scan-region", "us-middle-1")).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: --scan-region: unknown region 'us-middle-1'");
    }

    @Test
    void outWritesOnlyRegularFilesAndKeepsAnExistingFilesMode(@TempDir Path dir) throws IOException {
        Path link = dir.resolve("link.txt");
        java.nio.file.Files.createSymbolicLink(link, dir.resolve("elsewhere.txt"));
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--out", "/dev/null")).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: --out /dev/null is not a regular file");
        assertThat(java.nio.file.Files.isRegularFile(Path.of("/dev/null"))).as("/dev/null left a device").isFalse();
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--out", link.toString())).isEqualTo(2);
        assertThat(java.nio.file.Files.isSymbolicLink(link)).as("the link left as it was").isTrue();

        Path shared = dir.resolve("report.txt");
        java.nio.file.Files.writeString(shared, "old");
        java.nio.file.Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--out", shared.toString())).isZero();
        assertThat(java.nio.file.Files.readString(shared)).startsWith("Quota Doctor verdict");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(shared)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void noCommandIsAUsageErrorAndASnapshotIsNotAnEvent() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: a command is required: diagnose, capture, plan, fix, handle (see --help)");
        assertThat(err.toString().lines()).hasSize(1);
        err.getBuffer().setLength(0);
        assertThat(run("handle", "--event", snapshot("aligned.json"))).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: event: this is an evidence snapshot, not an event");
    }

    @Test
    void briefIsTheVerdictTheTopFindingAndThePlanAndJsonCarriesTheSeverity() throws IOException {
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--brief")).isZero();
        String brief = out.toString();
        assertThat(brief).startsWith("Quota Doctor verdict: REGION_MISMATCH").contains("[CRITICAL]").contains("Plan")
                .doesNotContain("Findings").doesNotContain("Evidence").doesNotContain("Justification");
        assertThat(brief.lines().count()).isLessThan(20);
        out.getBuffer().setLength(0);
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("severity").asText()).isEqualTo("CRITICAL");
    }

    @Test
    void briefWhereItWouldBeIgnoredIsAUsageError() {
        for (String[] line : new String[][]{{"--format", "html"}, {"--format", "json"}, {"--organization"}}) {
            err.getBuffer().setLength(0);
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("diagnose", "--snapshot",
                    snapshot("region-mismatch.json"), "--brief"), java.util.Arrays.stream(line)).toArray(String[]::new);

            assertThat(run(args)).as(String.join(" ", line)).isEqualTo(2);
            assertThat(err.toString()).startsWith("quota-doctor: --brief shortens the text and markdown reports of one "
                    + "account, not " + String.join(" ", line)).endsWith("(see --help)" + System.lineSeparator());
        }
        assertThat(out.toString()).isEmpty();
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--brief", "--format", "markdown"))
                .isZero();
    }

    @Test
    void aFilterThatMatchesNothingSaysSoWithTheValuesThatExist() {
        String snapshot = snapshot("region-mismatch.json");

        assertThat(run("diagnose", "--snapshot", snapshot, "--quota-code", "L-NOPE")).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: --quota-code L-NOPE matches no quota or request in the evidence")
                .contains("L-F4DDD3EB");
        err.getBuffer().setLength(0);
        assertThat(run("diagnose", "--snapshot", snapshot, "--request-id", "nonexistent")).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: --request-id nonexistent matches no request in the evidence")
                .contains("e4292098c6135c804c6ce11f5aba1793");
        err.getBuffer().setLength(0);
        assertThat(run("diagnose", "--snapshot", snapshot, "--account", "999988887777")).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: --account 999988887777: the evidence is of account 111122223333");
        err.getBuffer().setLength(0);
        assertThat(run("diagnose", "--snapshot", snapshot, "--model", "claude-sonnet-4.5")).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: --model claude-sonnet-4.5 is not a model id")
                .contains("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    }

    @Test
    void aMistypedModelIdIsDiagnosedAsGivenWithTheNearestIdTheEvidenceHolds() {
        assertThat(run("diagnose", "--snapshot", snapshot("region-mismatch.json"), "--model",
                "us.anthropic.claude-sonet-4-5-20250929-v1:0")).isZero();
        assertThat(err.toString()).startsWith("quota-doctor: --model us.anthropic.claude-sonet-4-5-20250929-v1:0 was never "
                + "seen failing").contains("did you mean us.anthropic.claude-sonnet-4-5-20250929-v1:0?");
    }

    @Test
    void anOrganisationDirectoryHoldsOneSnapshotPerAccount(@TempDir Path dir) throws IOException {
        java.nio.file.Files.copy(Path.of(snapshot("region-mismatch.json")), dir.resolve("a.json"));
        java.nio.file.Files.copy(Path.of(snapshot("aligned.json")), dir.resolve("b.json"));

        assertThat(run("diagnose", "--organization", "--snapshot", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("account 111122223333 again").contains("one snapshot per account");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void theOrganisationReportRendersAsOnePage(@TempDir Path dir) throws IOException {
        var mapper = new ObjectMapper();
        java.nio.file.Files.copy(Path.of(snapshot("region-mismatch.json")), dir.resolve("a.json"));
        var other = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                Path.of(snapshot("request-pending.json")).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) other.path("caller")).put("Account", "444455556666")
                .put("Arn", "arn:aws:sts::444455556666:assumed-role/QuotaDoctorReadOnly/quota-doctor");
        other.remove("request");
        mapper.writeValue(dir.resolve("b.json").toFile(), other);

        assertThat(run("diagnose", "--organization", "--snapshot", dir.toString(), "--format", "html")).isZero();
        var page = org.jsoup.Jsoup.parse(out.toString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Quota Doctor organisation sweep");
        assertThat(page.select("table.accounts tr")).hasSize(3);
        assertThat(page.select("table.accounts td:first-child").eachText()).containsExactlyInAnyOrder("111122223333",
                "444455556666");
        assertThat(page.select("script, [src]")).isEmpty();
    }

    @Test
    void captureNeedsSomewhereToWrite() {
        assertThat(run("capture", "--region", "us-west-2")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void handlePrintsTheNotificationItWouldSend() throws IOException {
        int code = run("handle", "--event", "../events/cloudwatch-alarm-throttles.json", "--snapshot",
                snapshot("region-mismatch.json"), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(code).isZero();
        assertThat(json.get("verdict").asText()).isEqualTo("REGION_MISMATCH");
        assertThat(json.get("notification").get("subject").asText()).startsWith("REGION_MISMATCH: ");
        assertThat(json.get("notification").get("attributes").get("region").asText()).isEqualTo("us-west-2");
    }

    @Test
    void handleSaysWhyAnEventIsSkipped() throws IOException {
        int code = run("handle", "--event", "../events/cloudwatch-alarm-ok.json", "--snapshot",
                snapshot("region-mismatch.json"), "--format", "json");

        assertThat(code).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("skipped").asText()).contains("went to OK");
    }

    @Test
    void handleRejectsAMalformedEventWithExitTwo(@TempDir Path dir) throws IOException {
        Path event = Files.writeString(dir.resolve("bad.json"), "{\"detail-type\": \"Scheduled Event\", \"source\": 7");

        assertThat(run("handle", "--event", event.toString(), "--snapshot", snapshot("aligned.json"))).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: event is not valid JSON");
    }
}
