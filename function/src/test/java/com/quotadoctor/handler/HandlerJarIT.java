package com.quotadoctor.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Diagnose handler from the shaded jar, built by its no-argument constructor as the Lambda runtime
 * builds it (environment configuration, real clients), against the stub AWS: the whole cold path, and the
 * JSON log lines that prove the jar's Log4j plugins survived shading.
 */
class HandlerJarIT {

    private static final Path JAR = Path.of(System.getProperty("quotadoctor.jar", "target/quota-doctor.jar"));
    private static final Path EVENTS = Path.of(System.getProperty("quotadoctor.events", "../events"));
    private static StubAws aws;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        aws = new StubAws(StubWorld.home(List.of("us-east-1", "us-west-2"), Instant.now()));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void theDiagnoseFunctionRunsFromTheJarAgainstAws() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlog4j2.configurationFile=log4j2.xml", // the jar's own, not the tests'
                "-cp", JAR + File.pathSeparator + Path.of("target", "test-classes"),
                LocalInvoke.class.getName(), DiagnoseHandler.class.getName(),
                EVENTS.resolve("on-demand.json").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("QUOTA_DOCTOR_"));
        env.putAll(Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", StubAws.HOME_KEY,
                "AWS_SECRET_ACCESS_KEY", "stub-secret", "AWS_SESSION_TOKEN", "stub-session", "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", aws.endpoint().toString(), "AWS_EMF_ENVIRONMENT", "Local",
                "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
                "QUOTA_DOCTOR_SCAN_REGIONS", "us-east-1,us-west-2", "QUOTA_DOCTOR_WORKLOAD_REGIONS", "us-west-2"));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(err).isZero();
        JsonNode result = JsonTree.parse(out.lines().filter(l -> l.startsWith("{\"verdict\"")).findFirst().orElse(out));
        assertThat(result.path("verdict").asText()).isEqualTo("REGION_MISMATCH");
        assertThat(result.path("notification").path("subject").asText()).startsWith("REGION_MISMATCH");
        JsonNode log = JsonTree.parse(err.lines().filter(l -> l.contains("\"message\":\"diagnosed\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON log line in: " + err)));
        assertThat(log.path("verdict").asText()).isEqualTo("REGION_MISMATCH");
        assertThat(log.path("function_request_id").asText()).isNotBlank();
        assertThat(err).contains("init_ms=");
    }
}
