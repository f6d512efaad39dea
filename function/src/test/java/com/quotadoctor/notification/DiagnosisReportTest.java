package com.quotadoctor.notification;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A report never drives the terminal that shows it: evidence text from AWS or a snapshot is printed inert. */
class DiagnosisReportTest {

    @Test
    void terminalEscapesInEvidenceArePrintedInert() throws IOException {
        String text = Files.readString(Path.of("..", "events", "snapshots", "region-mismatch.json"))
                .replace("Too many tokens, please wait before trying again.",
                        "Too many tokens\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m, please wait\\r\\u0000");
        Snapshot snapshot = new SnapshotReader().read(text);
        Diagnosis d = Diagnostician.standard().diagnose(snapshot.request(), snapshot.evidence());

        for (DiagnosisReport.Style style : DiagnosisReport.Style.values()) {
            String report = new DiagnosisReport(style).render(d);

            assertThat(report).contains("Too many tokens").contains("please wait")
                    .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b").doesNotContain("\r")
                    .doesNotContain("\u0000").doesNotContain("pwned");
        }
    }

    @Test
    void lineBreaksAndTabsStay() {
        assertThat(DiagnosisReport.printable("a\n\tb\u001b[31mc")).isEqualTo("a\n\tbc");
    }

    @Test
    void markdownShowsOutsideTextInertNoLinkMentionOrEmphasisOfItsOwn() throws IOException {
        String text = Files.readString(Path.of("..", "events", "snapshots", "region-mismatch.json"))
                .replace("Too many tokens, please wait before trying again.",
                        "<!channel> [Approve here](https://evil.example/approve) ![x](https://evil.example/p.png) `rm` *now*");
        Snapshot snapshot = new SnapshotReader().read(text);
        Diagnosis d = Diagnostician.standard().diagnose(snapshot.request(), snapshot.evidence());

        String markdown = new DiagnosisReport(DiagnosisReport.Style.MARKDOWN).render(d);

        assertThat(markdown).contains("Approve here").doesNotContain("<!channel>").doesNotContain("[Approve here](")
                .doesNotContain("![x](").doesNotContain("`rm`").doesNotContain("*now*")
                .contains("\\<\\!channel\\>");
    }
}
