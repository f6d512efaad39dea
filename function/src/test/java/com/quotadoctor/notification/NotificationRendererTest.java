package com.quotadoctor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.json.JsonTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification people read first: a subject that keeps the fact that matters, a card that carries the plan. */
class NotificationRendererTest {

    private static final Path SNAPSHOTS = Path.of("..", "events", "snapshots");

    static List<String> snapshots() throws IOException {
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    private static Diagnosis diagnose(String name) {
        Snapshot s = new SnapshotReader().read(SNAPSHOTS.resolve(name));
        return Diagnostician.standard().diagnose(s.request(), s.evidence());
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void subjectFitsSnsAndTheCardCarriesThePlansFirstSteps(String name) throws IOException {
        Diagnosis d = diagnose(name);

        Notification n = new NotificationRenderer().render(d);

        assertThat(n.subject().length()).isLessThan(100);
        assertThat(n.subject()).doesNotEndWith("...");
        JsonNode card = JsonTree.parse(n.chat());
        JsonNode steps = card.get("content").get("nextSteps");
        assertThat(steps.size()).isEqualTo(Math.min(3, d.plan().size()));
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).asText()).startsWith(ChatText.escape(d.plan().get(i).action()));
        }
        assertThat(n.text()).contains("Plan").doesNotContainPattern("\\d\\.\\d+E\\d").doesNotContainPattern("(?<![\\d.:])\\d+\\.\\d{3,}(?![\\dZ])");
    }

    @ParameterizedTest
    @CsvSource({
            "account-mismatch.json, 111122223333, 444455556666",
            "region-mismatch.json, us-east-1, us-west-2",
            "region-mismatch-long-model-id.json, us-east-2, us-east-1",
    })
    void subjectKeepsBothSidesOfTheMismatch(String name, String one, String other) {
        String subject = new NotificationRenderer().render(diagnose(name)).subject();

        assertThat(subject).contains(one).contains(other);
    }

    @Test
    void theChatCardHoldsOutsideTextInertInEveryFieldItRenders() throws IOException {
        String text = Files.readString(SNAPSHOTS.resolve("region-mismatch.json"))
                .replace("Too many tokens, please wait before trying again.", "<!channel> [Approve here](https://evil.example/a)");
        Snapshot s = new SnapshotReader().read(text);
        Diagnosis d = Diagnostician.standard().diagnose(s.request(), s.evidence());

        com.fasterxml.jackson.databind.JsonNode card = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(new NotificationRenderer().render(d).chat());

        for (String field : List.of("/content/title", "/content/description", "/metadata/summary",
                "/metadata/additionalContext/report")) {
            assertThat(card.at(field).asText()).as(field).doesNotContain("<!channel>").doesNotContain("[Approve here](");
        }
        card.at("/content/keywords").forEach(k -> assertThat(k.asText()).doesNotContain("<").doesNotContain("]("));
    }
}
