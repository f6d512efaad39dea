package com.quotadoctor.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution's bin/quota-doctor, run from a copy at a new path as a user who unpacked the zip runs it: silent, the
 * same output, its class-data-sharing archive made in the background and used on the next start.
 */
class LauncherIT {

    private static final Path STAGE = Path.of(System.getProperty("quotadoctor.dist", "target/dist/quota-doctor"));
    private static final Path SNAPSHOT = Path.of(System.getProperty("quotadoctor.events", "../events"), "snapshots",
            "region-mismatch.json").toAbsolutePath();

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void unpack() throws IOException {
        // what the zip holds, minus the archive the build trained for the staging path
        try (Stream<Path> files = Files.walk(STAGE)) {
            for (Path from : files.toList()) {
                Path to = home.resolve(STAGE.relativize(from).toString());
                String name = from.getFileName().toString();
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!name.contains(".jsa")) {
                    Files.copy(from, to);
                }
            }
        }
    }

    private Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("sh", home.resolve("bin/quota-doctor")
                .toString()), Stream.of(args)).toList());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void waitFor(Path file) throws InterruptedException, IOException {
        for (int i = 0; i < 180 && !(Files.exists(file) && Files.size(file) > 0); i++) {
            Thread.sleep(500);
        }
        assertThat(file).as("made in the background within 90 s").isNotEmptyFile();
    }

    @Test
    void aNewPathRunsSilentlyThenItsArchiveServesTheNextStart() throws Exception {
        Run first = run(Map.of(), "diagnose", "--snapshot", SNAPSHOT.toString(), "--brief");
        assertThat(first.exitCode()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).startsWith("Quota Doctor verdict: REGION_MISMATCH");

        waitFor(home.resolve("lib/quota-doctor-home.jsa.stamp"));
        Path classes = home.resolve("classes.txt");
        Run second = run(Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), "diagnose", "--snapshot",
                SNAPSHOT.toString(), "--brief");

        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllLines(classes)).anyMatch(l -> l.contains("com.quotadoctor.cli.QuotaDoctorCommand source: "
                + "shared objects file (top)"));
    }

    @Test
    void theTwoNamesOfOneJvmKeepAnArchiveEachAndRetrainNeither() throws Exception {
        assertThat(run(Map.of(), "--version").exitCode()).isZero(); // JAVA_HOME's java
        waitFor(home.resolve("lib/quota-doctor-home.jsa.stamp"));
        String path = Path.of(System.getProperty("java.home"), "bin").toString() + java.io.File.pathSeparator
                + System.getenv("PATH");
        assertThat(run(Map.of("JAVA_HOME", "", "PATH", path), "--version").exitCode()).isZero(); // PATH's java
        waitFor(home.resolve("lib/quota-doctor.jsa.stamp"));
        FileTime stamped = Files.getLastModifiedTime(home.resolve("lib/quota-doctor-home.jsa.stamp"));

        assertThat(run(Map.of(), "--version").err()).isEmpty();
        Thread.sleep(3_000);

        assertThat(Files.getLastModifiedTime(home.resolve("lib/quota-doctor-home.jsa.stamp"))).isEqualTo(stamped);
    }

    @Test
    void javaOptsThatPickTheCompilersOrTheCollectorAreHonoured() throws Exception {
        for (String options : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-XX:+UseParallelGC",
                "-XX:+UseG1GC -Xint")) {
            Run run = run(Map.of("JAVA_OPTS", options), "--version");

            assertThat(run.exitCode()).as(options).isZero();
            assertThat(run.out()).as(options).startsWith("quota-doctor ");
            assertThat(run.err()).as(options).isEmpty();
        }
    }

    @Test
    void aTrainingRunThatFailsIsNotRepeatedForTheSameJvmAndJar() throws Exception {
        Files.delete(home.resolve("lib/training-snapshot.json"));

        assertThat(run(Map.of(), "--version")).satisfies(r -> assertThat(r.exitCode()).isZero(),
                r -> assertThat(r.err()).isEmpty());
        Path failed = home.resolve("lib/quota-doctor-home.jsa.failed");
        waitFor(failed);
        Files.setLastModifiedTime(failed, FileTime.fromMillis(0));

        assertThat(run(Map.of(), "--version").exitCode()).isZero();
        Thread.sleep(3_000);

        assertThat(Files.getLastModifiedTime(failed).toMillis()).as("no second training run").isZero();
        assertThat(home.resolve("lib/quota-doctor-home.jsa")).doesNotExist();
    }
}
