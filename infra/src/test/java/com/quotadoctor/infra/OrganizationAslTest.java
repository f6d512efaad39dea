package com.quotadoctor.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation sweep's definition exactly as synthesised, run in the ASL interpreter over 200 accounts with every
 * task scripted: each account's child runs (retries, catches, the per-account Notify), a failed account becomes its
 * report's gap, the reduction gets every account and the digest is announced once. What the interpreter cannot run:
 * the ItemReader and ResultWriter (it reads and writes no S3; asl/run.mjs puts the listed items in the state and the
 * map returns its children's outputs) and ToleratedFailurePercentage; those are checked in the template
 * (OrganizationStackTest) and their file shapes by the function's MapRunResultsTest.
 */
class OrganizationAslTest {

    private static final int ACCOUNTS = 200;

    @TempDir
    Path dir;

    @Test
    void twoHundredAccountsAreEachDiagnosedOnceAndReducedIntoOneDigest() throws Exception {
        String definition = WorkflowAslTest.definitionOf(Template.fromStack(Synth.stack(Synth.app(OrganizationStackTest.ORGANIZATION),
                "QuotaDoctor")), "OrganizationStateMachine").toString();
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> diagnoses = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = String.format("%012d", 100_000_000_000L + i);
            items.add(Map.of("memberAccount", account));
            if (i % 50 == 7) {
                diagnoses.add(Map.of("throw", "Lambda.Unknown", "cause", "Task timed out after 120.00 seconds"));
            } else {
                diagnoses.add(Map.of("return", Map.of("verdict", "ALIGNED", "fingerprint", "f" + i,
                        "notification", Map.of("subject", "s", "text", "t"),
                        "accountReport", Map.of("account", account, "severity", "INFO"))));
            }
        }
        Map<String, Object> scenario = new HashMap<>();
        scenario.put("input", Map.of("source", "aws.events", "detail-type", "Scheduled Event", "detail", Map.of()));
        scenario.put("enteredTime", "2026-11-25T10:00:00Z");
        scenario.put("itemReader", Map.of("SweepAccounts", "$.listed.items"));
        scenario.put("tasks", Map.of(
                "ListAccounts", List.of(Map.of("return", Map.of("key", "sweeps/scenario/accounts.json", "count", ACCOUNTS,
                        "items", items))),
                "DiagnoseAccount", diagnoses,
                "NotifyAccount", List.of(Map.of("return", Map.of("result", "SENT"))),
                "Reduce", List.of(Map.of("return", Map.of("verdict", "ORGANIZATION_SWEEP", "fingerprint", "org-1",
                        "notification", Map.of("subject", "digest", "text", "t")))),
                "NotifyDigest", List.of(Map.of("return", Map.of("result", "SENT")))));

        JsonNode result = WorkflowAslTest.interpret(dir, definition, scenario);

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/calls/DiagnoseAccount").asInt()).isEqualTo(ACCOUNTS);
        assertThat(result.at("/calls/NotifyAccount").asInt()).isEqualTo(ACCOUNTS - 4);
        assertThat(result.at("/calls/Reduce").asInt()).isEqualTo(1);
        assertThat(result.at("/calls/NotifyDigest").asInt()).isEqualTo(1);
        // each child got its account and the sweep's trigger
        JsonNode first = result.at("/inputs/DiagnoseAccount/0");
        assertThat(first.get("memberAccount").asText()).matches("\\d{12}");
        assertThat(first.at("/trigger/detail-type").asText()).isEqualTo("Scheduled Event");
        // the reduction sees every account: the failed ones as reports with their gap, not as a failed sweep
        JsonNode results = result.at("/inputs/Reduce/0/results");
        assertThat(results.size()).isEqualTo(ACCOUNTS);
        List<String> unreadable = new ArrayList<>();
        results.forEach(r -> {
            if (r.at("/accountReport/unreadable").isTextual()) {
                unreadable.add(r.at("/accountReport/unreadable").asText());
            }
        });
        assertThat(unreadable).hasSize(4).allSatisfy(u -> assertThat(u).startsWith("Lambda.Unknown: ")
                .contains("Task timed out"));
        assertThat(result.at("/inputs/Reduce/0/sweep").asText()).isEqualTo("scenario");
        // the digest's delivery is named for Notify's claim, and each account's too
        assertThat(result.at("/inputs/NotifyDigest/0/delivery/execution").asText()).startsWith("arn:aws:states:");
        assertThat(result.at("/inputs/NotifyAccount/0/delivery/execution").asText()).startsWith("arn:aws:states:");
    }

    @Test
    void aSweepStartedWhileAnotherRunsEndsAtOnceWithoutSweeping() throws Exception {
        String definition = WorkflowAslTest.definitionOf(Template.fromStack(Synth.stack(Synth.app(OrganizationStackTest.ORGANIZATION),
                "QuotaDoctor")), "OrganizationStateMachine").toString();
        Map<String, Object> scenario = new HashMap<>();
        scenario.put("input", Map.of("source", "aws.cloudwatch", "detail-type", "CloudWatch Alarm State Change",
                "detail", Map.of()));
        scenario.put("enteredTime", "2026-11-25T10:00:00Z");
        scenario.put("tasks", Map.of("ListAccounts", List.of(Map.of("return", Map.of("busy",
                "another organisation sweep is running")))));

        JsonNode result = WorkflowAslTest.interpret(dir, definition, scenario);

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/calls/ListAccounts").asInt()).isEqualTo(1);
        assertThat(result.at("/calls/DiagnoseAccount").asInt()).isZero();
        assertThat(result.at("/calls/Reduce").asInt()).isZero();
        assertThat(result.at("/calls/NotifyDigest").asInt()).isZero();
    }
}
