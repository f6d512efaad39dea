package com.quotadoctor.trigger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The table in events/README.md: every event file, what it is read as, and its outcome. */
public record EventTable(String file, String trigger, String outcome, Optional<String> account, List<String> regions,
                         List<String> models, Optional<String> requestId, Optional<String> quotaCode,
                         Optional<Integer> attempt, String snapshot, String result) {

    public static final Path EVENTS = Path.of(System.getProperty("quotadoctor.events", "../events"));

    public static List<EventTable> rows() {
        try {
            return Files.readAllLines(EVENTS.resolve("README.md")).stream()
                    .filter(l -> l.startsWith("| ") && l.contains(".json"))
                    .map(EventTable::row)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventTable row(String line) {
        String[] c = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
        return new EventTable(c[1], c[2], c[3], value(c[4]), list(c[5]), list(c[6]), value(c[7]), value(c[8]),
                value(c[9]).map(Integer::parseInt), c[10], c[11]);
    }

    private static Optional<String> value(String cell) {
        return cell.equals("-") ? Optional.empty() : Optional.of(cell);
    }

    private static List<String> list(String cell) {
        return cell.equals("-") ? List.of() : List.of(cell.split(",\\s*"));
    }

    public String text() {
        try {
            return Files.readString(EVENTS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file;
    }
}
