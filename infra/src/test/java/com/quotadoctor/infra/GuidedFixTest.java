package com.quotadoctor.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code guidedFix=true}: the filing grant exists only then and only on this account's Bedrock quotas; the approval
 * path, exactly as synthesised, run in the ASL interpreter: approve → file → the loop diagnoses the new request;
 * reject; lapse; nothing left to file.
 */
class GuidedFixTest {

    private static Stack stack;
    private static Template template;
    private static String definition;

    @TempDir
    Path dir;

    @BeforeAll
    static void synth() throws Exception {
        Map<String, Object> context = new HashMap<>(Synth.FULL);
        context.put("guidedFix", "true");
        context.put("approvalHours", 24);
        stack = Synth.stack(Synth.app(context), "QuotaDoctor");
        template = Template.fromStack(stack);
        definition = WorkflowAslTest.definitionOf(template, "WorkflowStateMachine").toString();
    }

    @Test
    void cdkNagFindsNothingUnexplained() {
        QuotaDoctorStackTest.nagClean(stack);
    }

    @Test
    void onlyTheFixFunctionMayFileAndOnlyThisAccountsBedrockQuotas() {
        String filing = template.findResources("AWS::IAM::Policy").values().stream().map(String::valueOf)
                .filter(p -> p.contains("FileBedrockQuotaIncreases")).findFirst().orElseThrow();
        assertThat(filing).contains("{Action=[servicequotas:RequestServiceQuotaIncrease, servicequotas:GetServiceQuota], "
                + "Effect=Allow, Resource={Fn::Join=[, [arn:aws:servicequotas:*:, {Ref=AWS::AccountId}, :bedrock/*]]}, "
                + "Sid=FileBedrockQuotaIncreases}");
        List<String> filers = policiesWith(template, "servicequotas:RequestServiceQuotaIncrease");
        assertThat(filers).singleElement().asString().startsWith("FixRole");
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "com.quotadoctor.handler.FixHandler::handleRequest",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("QUOTA_DOCTOR_FIX_CEILING", "10",
                        "QUOTA_DOCTOR_FIX_PER_DAY", "2"))))));
    }

    @Test
    void withoutGuidedFixNothingMayFile() {
        Template plain = Template.fromStack(Synth.stack(Synth.app(Synth.FULL), "QuotaDoctor"));

        assertThat(policiesWith(plain, "servicequotas:RequestServiceQuotaIncrease")).isEmpty();
        assertThat(plain.findResources("AWS::Lambda::Function", Match.objectLike(Map.of("Properties",
                Map.of("Handler", "com.quotadoctor.handler.FixHandler::handleRequest"))))).isEmpty();
    }

    /** The logical ids of the IAM policies that allow {@code action}. */
    private static List<String> policiesWith(Template t, String action) {
        return t.findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> String.valueOf(e.getValue()).contains(action)).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Object> diagnosis() {
        return Map.of("verdict", "REGION_MISMATCH", "fingerprint", "f1", "attempt", 1,
                "notification", Map.of("subject", "s", "text", "t"),
                "request", Map.of("regions", List.of("us-west-2"), "modelIds", List.of("us.anthropic.claude-sonnet-4-5-20250929-v1:0")),
                "justification", "peak 205,000",
                "filings", List.of(Map.of("quotaCode", "L-F4DDD3EB", "region", "us-west-2", "desiredValue", 400000)));
    }

    private JsonNode run(Map<String, List<Map<String, Object>>> tasks) throws Exception {
        Map<String, Object> scenario = new HashMap<>();
        scenario.put("input", Map.of("account", "111122223333", "regions", List.of("us-west-2")));
        scenario.put("enteredTime", "2026-11-25T10:00:00Z");
        scenario.put("tasks", tasks);
        return WorkflowAslTest.interpret(dir, definition, scenario);
    }

    @Test
    void approvedTheIncreaseIsFiledAndTheLoopFollowsTheNewRequest() throws Exception {
        Map<String, Object> pending = Map.of("verdict", "REQUEST_PENDING", "fingerprint", "f2", "attempt", 1,
                "notification", Map.of("subject", "s", "text", "t"), "request", Map.of("requestId", "req-1"));
        JsonNode result = run(Map.of(
                "Diagnose", List.of(Map.of("return", diagnosis()), Map.of("return", pending)),
                "AwaitApproval", List.of(Map.of("return", Map.of("approved", true))),
                "FileIncreases", List.of(Map.of("return", Map.of("filed", List.of(Map.of("requestId", "req-1")),
                        "nothing", List.of(), "refused", List.of(),
                        "follow", Map.of("regions", List.of("us-west-2"), "requestId", "req-1", "quotaCode", "L-F4DDD3EB",
                                "attempt", 2))))));

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/calls/AwaitApproval").asInt()).isEqualTo(1);
        assertThat(result.at("/calls/FileIncreases").asInt()).isEqualTo(1);
        assertThat(result.at("/calls/Diagnose").asInt()).isEqualTo(2);
        // the question carries the token, the execution and the filings; the filing gets the approved diagnosis's
        JsonNode asked = result.at("/inputs/AwaitApproval/0/Payload/approval");
        assertThat(asked.get("taskToken").asText()).isEqualTo("AQCEAAAAKgAAAAMAAAAAAAAAAYscenarioToken==");
        assertThat(asked.get("execution").asText()).startsWith("arn:aws:states:");
        assertThat(asked.at("/filings/0/quotaCode").asText()).isEqualTo("L-F4DDD3EB");
        assertThat(asked.get("hours").asInt()).isEqualTo(24);
        assertThat(result.at("/inputs/FileIncreases/0/filings/0/desiredValue").asInt()).isEqualTo(400000);
        // the loop's next diagnosis follows the request just filed
        assertThat(result.at("/inputs/Diagnose/1/requestId").asText()).isEqualTo("req-1");
        assertThat(result.get("visited").toString()).contains("FollowNewRequest");
    }

    @Test
    void aRejectionIsSaidOnceAndNothingIsFiled() throws Exception {
        JsonNode result = run(Map.of("Diagnose", List.of(Map.of("return", diagnosis())),
                "AwaitApproval", List.of(Map.of("throw", "Rejected", "cause", "not now"))));

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/calls/FileIncreases").asInt()).isZero();
        assertThat(result.at("/calls/NotifyRejected").asInt()).isEqualTo(1);
        assertThat(result.at("/inputs/NotifyRejected/0/approval/outcome").asText()).isEqualTo("was rejected");
        assertThat(result.get("visited").toString()).contains("NotFiledRejected");
    }

    @Test
    void anUnansweredQuestionLapsesCleanly() throws Exception {
        JsonNode result = run(Map.of("Diagnose", List.of(Map.of("return", diagnosis())),
                "AwaitApproval", List.of(Map.of("throw", "States.Timeout"))));

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/calls/FileIncreases").asInt()).isZero();
        assertThat(result.at("/calls/NotifyLapsed").asInt()).isEqualTo(1);
        assertThat(result.get("visited").toString()).contains("NotFiledLapsed");
    }

    @Test
    void nothingLeftToFileAfterTheApprovalIsSaidAndEnds() throws Exception {
        JsonNode result = run(Map.of("Diagnose", List.of(Map.of("return", diagnosis())),
                "AwaitApproval", List.of(Map.of("return", Map.of("approved", true))),
                "FileIncreases", List.of(Map.of("return", Map.of("filed", List.of(), "refused",
                        List.of("L-F4DDD3EB in us-west-2: its AWS default could not be read"),
                        "nothing", List.of("request r-0 for L-F4DDD3EB in us-west-2 is PENDING"))))));

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/calls/Diagnose").asInt()).isEqualTo(1);
        assertThat(result.at("/calls/NotifyNothingFiled").asInt()).isEqualTo(1);
        // the person hears why: the refusals and the reasons nothing was filed
        assertThat(result.at("/inputs/NotifyNothingFiled/0/approval/refused/0").asText()).contains("default could not be read");
        assertThat(result.at("/inputs/NotifyNothingFiled/0/approval/nothing/0").asText()).contains("is PENDING");
    }

    @Test
    void theLoopAfterAFilingNeverAsksAgainEvenIfThePlanStillFiles() throws Exception {
        Map<String, Object> stillFiling = new HashMap<>(diagnosis());
        stillFiling.put("attempt", 2); // the diagnosis that follows the filing is a later attempt
        JsonNode result = run(Map.of(
                "Diagnose", List.of(Map.of("return", diagnosis()), Map.of("return", stillFiling)),
                "AwaitApproval", List.of(Map.of("return", Map.of("approved", true))),
                "FileIncreases", List.of(Map.of("return", Map.of("filed", List.of(Map.of("requestId", "req-1")),
                        "nothing", List.of(), "refused", List.of(), "follow", Map.of("requestId", "req-1", "attempt", 2))))));

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/calls/AwaitApproval").asInt()).isEqualTo(1);
        assertThat(result.at("/calls/FileIncreases").asInt()).isEqualTo(1);
    }

    @Test
    void aFilingThatFailsAfterRetriesIsSaidAndFailsTheRun() throws Exception {
        JsonNode result = run(Map.of("Diagnose", List.of(Map.of("return", diagnosis())),
                "AwaitApproval", List.of(Map.of("return", Map.of("approved", true))),
                "FileIncreases", List.of(Map.of("throw", "Lambda.Unknown", "cause", "Task timed out"))));

        assertThat(result.get("status").asText()).isEqualTo("FAILED");
        assertThat(result.get("error").asText()).isEqualTo("FilingFailed");
        assertThat(result.at("/calls/NotifyFilingFailed").asInt()).isEqualTo(1);
    }

    @Test
    void aPlanThatFilesNothingNeverAsks() throws Exception {
        Map<String, Object> aligned = Map.of("verdict", "ALIGNED", "fingerprint", "f0", "attempt", 1,
                "notification", Map.of("subject", "s", "text", "t"));
        JsonNode result = run(Map.of("Diagnose", List.of(Map.of("return", aligned))));

        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/calls/AwaitApproval").asInt()).isZero();
    }
}
