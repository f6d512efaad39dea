package com.quotadoctor.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the stack and the function must agree on, checked across the two modules: the function's sources (read as
 * text; infra does not depend on the function) against the synthesised template. A rename on one side fails here,
 * not at the first cold start.
 */
class FunctionContractTest {

    private static final Path FUNCTION = Path.of("..", "function", "src", "main", "java", "com", "quotadoctor");
    private static Template template;

    @BeforeAll
    static void synth() {
        template = Template.fromStack(Synth.stack(Synth.app(OrganizationStackTest.ORGANIZATION), "QuotaDoctor"));
    }

    private static String source(String relative) throws IOException {
        return Files.readString(FUNCTION.resolve(relative));
    }

    /** The value of {@code static final String NAME = "…"} in a function source. */
    private static String constant(String relative, String name) throws IOException {
        Matcher m = Pattern.compile("static final String " + name + " = \"([^\"]*)\"").matcher(source(relative));
        assertThat(m.find()).as(name + " in " + relative).isTrue();
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        template.findResources("AWS::Lambda::Function").forEach((id, r) -> out.put(id, (Map<String, Object>) r.get("Properties")));
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEnvironmentVariableTheStackSetsIsOneTheFunctionReads() throws IOException {
        String configuration = source("workflow/Configuration.java");
        String prefix = constant("workflow/Configuration.java", "PREFIX");
        Set<String> read = new LinkedHashSet<>();
        Matcher m = Pattern.compile("PREFIX \\+ \"([A-Z_]+)\"").matcher(configuration);
        while (m.find()) {
            read.add(prefix + m.group(1));
        }
        Set<String> set = new LinkedHashSet<>();
        functions().values().forEach(f -> ((Map<String, Object>) ((Map<String, Object>) f.get("Environment")).get("Variables"))
                .keySet().stream().filter(k -> k.startsWith(prefix)).forEach(set::add));

        assertThat(read).as("read by Configuration").containsAll(set);
        // what the function reads and the stack never sets has a default the function states
        assertThat(read).containsAll(List.of(prefix + "SCAN_REGIONS", prefix + "DEDUPE_TTL"));
    }

    @Test
    void everyHandlerTheStackNamesIsAClassOfTheFunction() {
        functions().values().forEach(f -> {
            String handler = f.get("Handler").toString().split("::")[0];
            Path file = FUNCTION.getParent().getParent().resolve(handler.replace('.', '/') + ".java");
            assertThat(file).as(handler).exists();
        });
    }

    @Test
    void theStatusChangeEventAndTheTableKeysAreTheSameOnBothSides() throws IOException {
        assertThat(constant("watch/aws/EventBridgeStatusEvents.java", "SOURCE")).isEqualTo(QuotaDoctorStack.STATUS_SOURCE);
        assertThat(constant("watch/aws/EventBridgeStatusEvents.java", "DETAIL_TYPE")).isEqualTo(Triggers.STATUS_CHANGE);
        assertThat(constant("watch/aws/EventBridgeStatusEvents.java", "LOWERED_DETAIL_TYPE")).isEqualTo(Triggers.QUOTA_LOWERED);
        String template = Template.fromStack(Synth.stack(Synth.app(OrganizationStackTest.ORGANIZATION), "QuotaDoctor")).toJSON().toString();
        // each function's own keys: the LeadingKeys the stack grants are the prefixes the function writes
        for (String[] owner : new String[][]{{"notification/aws/DynamoDbLedger.java", "PREFIX"},
                {"evidence/aws/TableCatalogueStore.java", "PREFIX"}}) {
            assertThat(template).contains("dynamodb:LeadingKeys=[" + constant(owner[0], owner[1]) + "*]");
        }
        // the watcher's two: each request's last status, each quota's last applied value
        assertThat(template).contains("dynamodb:LeadingKeys=[" + constant("watch/aws/DynamoDbStatusLedger.java", "PREFIX")
                + "*, " + constant("watch/aws/DynamoDbStatusLedger.java", "APPLIED") + "*]");
        assertThat(constant("notification/aws/DynamoDbLedger.java", "KEY")).isEqualTo("pk");
        assertThat(constant("notification/aws/DynamoDbLedger.java", "EXPIRES")).isEqualTo("expiresAt");
        assertThat(template).contains("AttributeName=pk").contains("AttributeName=expiresAt");
    }

    /** Every quoted string in one declaration of a function source, from its name to the first semicolon. */
    private static Set<String> strings(String relative, String declaration) throws IOException {
        String text = source(relative);
        int start = text.indexOf(declaration);
        assertThat(start).as(declaration + " in " + relative).isNotNegative();
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(text.substring(start, text.indexOf(';', start)));
        Set<String> out = new java.util.TreeSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void whatTheSynthAcceptsTheFunctionAcceptsToo() throws IOException {
        assertThat(new java.util.TreeSet<>(DeploymentConfig.KNOWN_REGIONS))
                .isEqualTo(strings("domain/AwsRegion.java", "KNOWN = Set.of("));
        Set<String> prefixes = new java.util.TreeSet<>(strings("domain/ModelId.java", "GEOGRAPHIC_PREFIXES = Set.of("));
        prefixes.add("global");
        assertThat(new java.util.TreeSet<>(ModelArns.PROFILE_PREFIXES)).isEqualTo(prefixes);
        assertThat(strings("diagnosis/Settings.java", "SHORTEST_PROPAGATION_WINDOW = ").stream().map(java.time.Duration::parse))
                .containsExactly(DeploymentConfig.SHORTEST_PROPAGATION_WINDOW);
        assertThat(strings("diagnosis/Settings.java", "LONGEST_PROPAGATION_WINDOW = ").stream().map(java.time.Duration::parse))
                .containsExactly(DeploymentConfig.LONGEST_PROPAGATION_WINDOW);
    }

    @Test
    void everyBedrockMetricTheStackAlarmsOnOrDrawsIsOneTheFunctionReads() throws IOException {
        Matcher m = Pattern.compile("\\(\"([A-Za-z]+)\"\\)").matcher(source("domain/BedrockMetric.java"));
        Set<String> read = new java.util.TreeSet<>();
        while (m.find()) {
            read.add(m.group(1));
        }
        assertThat(read).contains("InvocationThrottles", "EstimatedTPMQuotaUsage");
        String template = Template.fromStack(Synth.stack(Synth.app(Synth.FULL), "QuotaDoctor")).toJSON().toString();
        Matcher used = Pattern.compile("MetricName=([A-Za-z]+)").matcher(template);
        Set<String> bedrock = new java.util.TreeSet<>();
        while (used.find()) {
            bedrock.add(used.group(1));
        }
        // the stack's own metrics (the functions' Errors, the workflow's ExecutionsFailed, the DLQ depth) are not Bedrock's
        bedrock.removeIf(name -> !name.startsWith("Invocation") && !name.contains("Token"));
        assertThat(bedrock).isNotEmpty();
        assertThat(read).containsAll(bedrock.stream().filter(n -> !n.equals("InvocationClientErrors")).toList());
        assertThat(constant("domain/BedrockMetric.java", "NAMESPACE")).isEqualTo("AWS/Bedrock");
    }
}
