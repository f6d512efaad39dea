package com.quotadoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar, started as a user starts it: manifest, shading and exit codes of a real process. */
class QuotaDoctorJarIT {

    private static final Path JAR = Path.of(System.getProperty("quotadoctor.jar", "target/quota-doctor.jar"));
    private static final Path SNAPSHOTS = Path.of(System.getProperty("quotadoctor.events", "../events"), "snapshots");

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        return run(java.util.Map.of(), args);
    }

    private static Run run(java.util.Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void diagnosesASnapshot() throws Exception {
        Run run = run("diagnose", "--snapshot", SNAPSHOTS.resolve("region-mismatch.json").toString(), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(json.get("verdict").asText()).isEqualTo("REGION_MISMATCH");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void withoutAUtf8LocaleTheReportIsWrittenInAsciiNotQuestionMarks() throws Exception {
        Run run = run(java.util.Map.of("LANG", "C", "LC_ALL", "C"), "diagnose", "--snapshot",
                SNAPSHOTS.resolve("region-mismatch.json").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Judged at 2026-11-25T10:00:00Z . attempt 1 . fingerprint").contains("\n.....")
                .doesNotContain("???").doesNotContain("· ");
        assertThat(run("--version").out()).startsWith("quota-doctor 0.1.0");
    }

    @Test
    void theVersionNamesTheProjectVersionAndTheCommitItWasBuiltFrom() throws Exception {
        String version = run("--version").out().trim();
        // built from a clone: the commit; from a source tree without .git the build writes "unknown" and it is left out
        assertThat(version).matches("quota-doctor 0\\.1\\.0(-SNAPSHOT)?( \\(commit [0-9a-f]{12}\\))?");
        java.nio.file.Path git = java.nio.file.Path.of("..", ".git");
        if (java.nio.file.Files.exists(git)) {
            assertThat(version).contains("(commit ");
        }
    }

    @Test
    void helpExitsZeroAndBadInputExitsTwo() throws Exception {
        assertThat(run("--help").exitCode()).isZero();

        Run bad = run("diagnose", "--snapshot", "/nonexistent.json");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().lines()).singleElement().asString().startsWith("quota-doctor: snapshot file not found");
    }
}
