package com.quotadoctor.evidence;

import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.notification.DiagnosisJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What capture writes, replay reads back unchanged: the contract that makes a snapshot diagnose like the live run. */
class SnapshotWriterTest {

    private static final Path SNAPSHOTS = Path.of(System.getProperty("quotadoctor.events", "../events"), "snapshots");

    private final SnapshotReader reader = new SnapshotReader();
    private final SnapshotWriter writer = new SnapshotWriter();

    static Stream<Path> snapshots() throws IOException {
        return Files.list(SNAPSHOTS).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void aWrittenCaptureReadsBackEqual(Path file) throws IOException {
        Capture original = reader.capture(Files.readString(file));

        Capture replayed = reader.capture(writer.write(original));

        assertThat(replayed).isEqualTo(original);
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void aWrittenCaptureDiagnosesAlike(Path file) throws IOException {
        Snapshot original = reader.read(Files.readString(file));
        Snapshot replayed = reader.read(writer.write(reader.capture(Files.readString(file))));

        assertThat(DiagnosisJson.write(Diagnostician.standard().diagnose(replayed.request(), replayed.evidence())))
                .isEqualTo(DiagnosisJson.write(Diagnostician.standard().diagnose(original.request(), original.evidence())));
    }

    @org.junit.jupiter.api.Test
    void everyPartitionSurvivesTheRoundTrip() throws IOException {
        for (String partition : java.util.List.of("aws-us-gov", "aws-cn")) {
            String text = Files.readString(SNAPSHOTS.resolve("aligned.json")).replace("arn:aws:servicequotas:", "arn:" + partition + ":servicequotas:");

            String written = writer.write(reader.capture(text));

            assertThat(written).contains("\"arn:" + partition + ":servicequotas:").doesNotContain("\"arn:aws:servicequotas:");
        }
    }
}
