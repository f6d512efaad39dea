package com.quotadoctor.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow definition exactly as synthesised, run in a real ASL interpreter (aws-local-stepfunctions)
 * with every Task scripted: the loop waits while waiting helps, notifies once, retries and reports failures.
 */
class WorkflowAslTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOW = "2026-11-25T10:00:00Z";
    private static String definition;

    @TempDir
    Path dir;

    @BeforeAll
    static void synth() {
        Template template = Template.fromStack(Synth.stack(Synth.app(Map.of()), "QuotaDoctor"));
        Map<?, ?> machine = (Map<?, ?>) template.findResources("AWS::StepFunctions::StateMachine").values().iterator().next()
                .get("Properties");
        definition = resolve(machine.get("DefinitionString"));
    }

    /** The definition of the state machine whose logical id starts with {@code prefix}, its ARNs resolved. */
    static JsonNode definitionOf(Template template, String prefix) throws IOException {
        Map<String, Map<String, Object>> machines = template.findResources("AWS::StepFunctions::StateMachine");
        Map.Entry<String, Map<String, Object>> machine = machines.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix)).findFirst().orElseThrow();
        return JSON.readTree(resolve(((Map<?, ?>) machine.getValue().get("Properties")).get("DefinitionString")));
    }

    /** The definition is a Fn::Join around the functions' ARNs: each becomes a concrete ARN named after the resource. */
    private static String resolve(Object value) {
        if (value instanceof String s) {
            return s;
        }
        Map<?, ?> map = (Map<?, ?>) value;
        if (map.containsKey("Fn::Join")) {
            List<?> join = (List<?>) map.get("Fn::Join");
            StringBuilder out = new StringBuilder();
            for (Object part : (List<?>) join.get(1)) {
                out.append(resolve(part));
            }
            return out.toString();
        }
        if (map.containsKey("Fn::GetAtt")) {
            return "arn:aws:lambda:us-east-1:111122223333:function:" + ((List<?>) map.get("Fn::GetAtt")).get(0);
        }
        if (map.containsKey("Ref")) {
            return map.get("Ref").equals("AWS::Partition") ? "aws" : String.valueOf(map.get("Ref"));
        }
        throw new IllegalArgumentException("cannot resolve " + value);
    }

    private JsonNode run(Object input, Map<String, List<Map<String, Object>>> tasks) throws IOException, InterruptedException {
        return interpret(dir, definition, Map.of("input", input, "enteredTime", NOW, "tasks", tasks));
    }

    /** Runs {@code definition} in the interpreter with {@code scenario} (see asl/run.mjs); the outcome as JSON. */
    static JsonNode interpret(Path dir, String definition, Map<String, Object> scenario) throws IOException, InterruptedException {
        Path def = Files.writeString(dir.resolve("definition.json"), definition);
        Path file = dir.resolve("scenario.json");
        JSON.writeValue(file.toFile(), scenario);
        Path errors = dir.resolve("stderr.txt");
        Process node = new ProcessBuilder("node", Path.of("asl", "run.mjs").toString(), def.toString(), file.toString())
                .redirectError(errors.toFile()).start();
        // read while it writes: a large outcome would fill the pipe and stall the interpreter
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(errors);
        assertThat(node.exitValue()).as(err).isZero();
        return JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    private static Map<String, Object> returns(Map<String, Object> output) {
        return Map.of("return", output);
    }

    private static Map<String, Object> diagnosis(String verdict, int attempt, Long nextCheck, String deadline) {
        ObjectNode d = JSON.createObjectNode().put("verdict", verdict).put("attempt", attempt).put("fingerprint", "f-" + verdict);
        if (nextCheck != null) {
            d.put("nextCheckSeconds", nextCheck);
        }
        if (deadline != null) {
            d.put("deadline", deadline);
        }
        d.putObject("notification").put("subject", verdict);
        return returns(JSON.convertValue(d, Map.class));
    }

    private static List<String> visited(JsonNode result) {
        return JSON.convertValue(result.get("visited"), List.class);
    }

    @Test
    void pendingThenPendingThenAppliedWaitsTwiceAndNotifiesOnce() throws Exception {
        JsonNode result = run(Map.of("detail-type", "Bedrock Quota Request Status Change"), Map.of(
                "Diagnose", List.of(diagnosis("REQUEST_PENDING", 1, 300L, "2026-12-09T10:00:00Z"),
                        diagnosis("PROPAGATION_PENDING", 2, 600L, "2026-11-26T10:00:00Z"),
                        diagnosis("ALIGNED", 3, null, null)),
                "Notify", List.of(returns(Map.of("result", "SENT")))));

        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/calls/Diagnose").asInt()).isEqualTo(3);
        assertThat(result.at("/calls/Notify").asInt()).isEqualTo(1);
        assertThat(visited(result)).filteredOn("WaitForPropagation"::equals).hasSize(2);
        // the loop feeds each diagnosis back as the next input; Notify gets the last one
        assertThat(result.at("/inputs/Diagnose/1/verdict").asText()).isEqualTo("REQUEST_PENDING");
        assertThat(result.at("/inputs/Diagnose/2/verdict").asText()).isEqualTo("PROPAGATION_PENDING");
        assertThat(result.at("/inputs/Notify/0/verdict").asText()).isEqualTo("ALIGNED");
        // Notify's owner token: this execution, the same for each retry of the task
        assertThat(result.at("/inputs/Notify/0/delivery/execution").asText())
                .isEqualTo("arn:aws:states:us-east-1:111122223333:execution:QuotaDoctor:scenario");
        assertThat(visited(result)).last().isEqualTo("Done");
    }

    @Test
    void aTaskErrorIsRetriedThenTheFailureIsNotified() throws Exception {
        JsonNode result = run(Map.of("detail-type", "Scheduled Event"), Map.of(
                "Diagnose", List.of(Map.of("throw", "Lambda.ServiceException", "cause", "Rate exceeded")),
                "NotifyFailure", List.of(returns(Map.of("result", "SENT")))));

        assertThat(result.get("status").asText()).isEqualTo("FAILED");
        assertThat(result.get("error").asText()).isEqualTo("DiagnosisFailed");
        assertThat(result.at("/calls/Diagnose").asInt()).isEqualTo(5); // the first try and 4 retries
        assertThat(result.at("/calls/NotifyFailure").asInt()).isEqualTo(1);
        assertThat(result.at("/inputs/NotifyFailure/0/failure/Error").asText()).isEqualTo("Lambda.ServiceException");
        assertThat(result.at("/inputs/NotifyFailure/0/detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(result.at("/calls/Notify").isMissingNode()).isTrue();
    }

    @Test
    void aTransientErrorThatClearsDoesNotFailTheExecution() throws Exception {
        JsonNode result = run(Map.of(), Map.of(
                "Diagnose", List.of(Map.of("throw", "Lambda.TooManyRequestsException"), diagnosis("ALIGNED", 1, null, null)),
                "Notify", List.of(Map.of("throw", "software.amazon.awssdk.services.sns.model.InternalErrorException"),
                        returns(Map.of("result", "SENT")))));

        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/calls/Diagnose").asInt()).isEqualTo(2);
        assertThat(result.at("/calls/Notify").asInt()).isEqualTo(2);
    }

    @Test
    void aPassedDeadlineEndsWithPropagationOverdueNotified() throws Exception {
        JsonNode result = run(Map.of(), Map.of(
                "Diagnose", List.of(diagnosis("PROPAGATION_OVERDUE", 9, null, "2026-11-25T09:00:00Z")),
                "Notify", List.of(returns(Map.of("result", "SENT")))));

        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(visited(result)).doesNotContain("WaitForPropagation");
        assertThat(result.at("/inputs/Notify/0/verdict").asText()).isEqualTo("PROPAGATION_OVERDUE");
    }

    @Test
    void theWorkflowItselfRefusesToWaitPastTheDeadline() throws Exception {
        // a diagnosis that still asks to wait, with a deadline already behind: the Choice notifies instead
        JsonNode result = run(Map.of(), Map.of(
                "Diagnose", List.of(diagnosis("PROPAGATION_PENDING", 4, 300L, "2026-11-25T09:59:00Z")),
                "Notify", List.of(returns(Map.of("result", "SENT")))));

        assertThat(visited(result)).doesNotContain("WaitForPropagation");
        assertThat(result.at("/calls/Notify").asInt()).isEqualTo(1);
    }

    @Test
    void skippedEventsEndQuietlyAndRejectedOnesFail() throws Exception {
        JsonNode skipped = run(Map.of(), Map.of("Diagnose", List.of(returns(Map.of("skipped", "alarm went to OK")))));
        JsonNode rejected = run(Map.of(), Map.of("Diagnose", List.of(returns(Map.of("error", "detail: is required")))));

        assertThat(skipped.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(visited(skipped)).containsExactly("Diagnose", "WaitOrNotify", "NotAboutBedrockQuotas");
        assertThat(rejected.get("status").asText()).isEqualTo("FAILED");
        assertThat(rejected.get("error").asText()).isEqualTo("EventRejected");
        assertThat(rejected.get("cause").asText()).isEqualTo("detail: is required");
    }
}
