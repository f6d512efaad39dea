package com.quotadoctor.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution's IAM policy for the CLI is the stack's read-only grants, generated from the same statements.
 * {@code -Dqd.regenerate=true} rewrites the file from them.
 */
class CliPolicyTest {

    private static final Path FILE = Path.of("..", "function", "src", "dist", "iam", "cli-read-only-policy.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode generated() {
        Stack stack = new Stack(new App(), "Policy");
        return JSON.valueToTree(stack.resolve(ReadOnlyAccess.cliPolicy().toJSON()));
    }

    @Test
    void theShippedPolicyIsTheOneTheStatementsMake() throws Exception {
        if (Boolean.getBoolean("qd.regenerate")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated()) + "\n");
        }
        assertThat(JSON.readTree(FILE.toFile())).isEqualTo(generated());
    }

    @Test
    void itGrantsExactlyTheReadActionsTheDiagnoseRoleHas() throws Exception {
        Set<String> shipped = actions(JSON.readTree(FILE.toFile()));
        Template template = Template.fromStack(Synth.stack(Synth.app(Synth.FULL), "QuotaDoctor"));
        JsonNode policies = JSON.valueToTree(template.findResources("AWS::IAM::Policy"));
        Set<String> diagnose = new TreeSet<>();
        policies.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("Diagnose")) {
                diagnose.addAll(actions(e.getValue().path("Properties").path("PolicyDocument")));
            }
        });
        assertThat(diagnose).as("the Diagnose role's grants").containsAll(shipped);
        assertThat(shipped).containsExactlyInAnyOrder("servicequotas:ListServiceQuotas",
                "servicequotas:ListAWSDefaultServiceQuotas", "servicequotas:ListRequestedServiceQuotaChangeHistory",
                "servicequotas:GetServiceQuota", "cloudwatch:GetMetricData", "cloudtrail:LookupEvents",
                "bedrock:GetInferenceProfile");
    }

    private static Set<String> actions(JsonNode document) {
        Set<String> out = new TreeSet<>();
        for (JsonNode statement : document.path("Statement")) {
            JsonNode action = statement.path("Action");
            if (action.isArray()) {
                action.forEach(a -> out.add(a.asText()));
            } else if (action.isTextual()) {
                out.add(action.asText());
            }
        }
        return out;
    }
}
