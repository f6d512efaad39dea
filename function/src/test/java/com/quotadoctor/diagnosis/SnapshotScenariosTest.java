package com.quotadoctor.diagnosis;

import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scenario in events/snapshots gives the verdict its README table promises. */
class SnapshotScenariosTest {

    private static final Path SNAPSHOTS = Path.of(System.getProperty("quotadoctor.events", "../events"), "snapshots");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+\\.json)`\\s*\\|\\s*`([A-Z_]+)`\\s*\\|");

    record Expectation(String file, FindingCode verdict) {
        @Override
        public String toString() {
            return file + " → " + verdict;
        }
    }

    static List<Expectation> table() throws IOException {
        return Files.readAllLines(SNAPSHOTS.resolve("README.md")).stream()
                .map(ROW::matcher)
                .filter(Matcher::find)
                .map(m -> new Expectation(m.group(1), FindingCode.valueOf(m.group(2))))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void snapshotGivesItsVerdict(Expectation expected) {
        Snapshot snapshot = new SnapshotReader().read(SNAPSHOTS.resolve(expected.file()));

        Diagnosis diagnosis = Diagnostician.standard().diagnose(snapshot.request(), snapshot.evidence());

        assertThat(diagnosis.verdict()).as(diagnosis.top().title()).isEqualTo(expected.verdict());
        assertThat(diagnosis.top().remediation()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyCommandNamesItsRegion(Expectation expected) {
        Snapshot snapshot = new SnapshotReader().read(SNAPSHOTS.resolve(expected.file()));

        Diagnosis diagnosis = Diagnostician.standard().diagnose(snapshot.request(), snapshot.evidence());

        assertThat(diagnosis.plan().stream().flatMap(step -> step.command().stream()))
                .allSatisfy(command -> assertThat(command).startsWith("aws ").containsPattern("--region [a-z]{2}(-gov)?-[a-z]+-\\d"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void planIsCoherent(Expectation expected) {
        Snapshot snapshot = new SnapshotReader().read(SNAPSHOTS.resolve(expected.file()));

        Diagnosis diagnosis = Diagnostician.standard().diagnose(snapshot.request(), snapshot.evidence());

        assertThat(diagnosis.plan()).isNotEmpty();
        diagnosis.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .forEach(f -> assertThat(f.remediation()).as("%s is answered by the plan", f.code()).isNotEmpty());
        PlanInvariants.hold(diagnosis, snapshot.evidence());
    }

    @Test
    void everySnapshotIsInTheTable() throws IOException {
        List<String> listed = table().stream().map(Expectation::file).toList();
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @Test
    void everyFindingCodeHasAScenario() throws IOException {
        assertThat(table().stream().map(Expectation::verdict).distinct()).containsExactlyInAnyOrder(FindingCode.values());
    }

    @Test
    void replayingASnapshotGivesTheSameDiagnosis() {
        Path file = SNAPSHOTS.resolve("propagation-pending.json");
        Snapshot first = new SnapshotReader().read(file);
        Snapshot second = new SnapshotReader().read(file);

        Diagnosis a = Diagnostician.standard().diagnose(first.request(), first.evidence());
        Diagnosis b = Diagnostician.standard().diagnose(second.request(), second.evidence());

        assertThat(b).isEqualTo(a);
        assertThat(a.nextCheckSeconds()).isPresent();
    }
}
