package com.quotadoctor.evidence.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.evidence.ListedQuota;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.WireNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS default quota catalogue of each region (names, codes, defaults: the same for every account), kept for a
 * day: in memory (a warm Lambda, one CLI run) and, for the CLI, in a directory (the user's XDG cache). Only a
 * complete listing is kept; an unreadable or stale file is read again from AWS, never trusted.
 */
public final class DefaultCatalogue {

    /** How long a region's catalogue is trusted: AWS changes defaults rarely, and a day bounds the surprise. */
    public static final Duration TTL = Duration.ofHours(24);

    private record Entry(Instant fetchedAt, List<ListedQuota> quotas) {
    }

    private final Map<String, Entry> memory = new ConcurrentHashMap<>();
    private final Optional<Path> directory;
    private final Clock clock;

    private DefaultCatalogue(Optional<Path> directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Kept in this process only (a warm Lambda keeps it across invocations). */
    public static DefaultCatalogue inMemory(Clock clock) {
        return new DefaultCatalogue(Optional.empty(), clock);
    }

    /** Kept in this process and in {@code directory} (created when first written). */
    public static DefaultCatalogue inDirectory(Path directory, Clock clock) {
        return new DefaultCatalogue(Optional.of(directory), clock);
    }

    /**
     * The user's cache directory for the CLI, as the XDG base directory spec has it: {@code $XDG_CACHE_HOME/quota-doctor},
     * else {@code $HOME/.cache/quota-doctor} ({@code $HOME}, not Java's {@code user.home}, which ignores it).
     */
    public static Path userCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = Optional.ofNullable(System.getenv("HOME")).filter(h -> !h.isBlank())
                .orElse(System.getProperty("user.home"));
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache");
        return base.resolve("quota-doctor");
    }

    Optional<List<ListedQuota>> get(String region) {
        Instant now = clock.instant();
        Entry entry = memory.get(region);
        if (entry == null) {
            entry = load(region).orElse(null);
            if (entry != null) {
                memory.put(region, entry);
            }
        }
        return entry != null && entry.fetchedAt().plus(TTL).isAfter(now) ? Optional.of(entry.quotas()) : Optional.empty();
    }

    void put(String region, List<ListedQuota> quotas) {
        Entry entry = new Entry(clock.instant(), List.copyOf(quotas));
        memory.put(region, entry);
        directory.ifPresent(dir -> save(dir, region, entry));
    }

    private Optional<Entry> load(String region) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path file = file(directory.get(), region);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            WireNode root = WireNode.document(file.toString(), Files.readString(file));
            if (!root.field("region").requiredText().equals(region)) {
                return Optional.empty();
            }
            return Optional.of(new Entry(root.field("fetchedAt").requiredInstant(),
                    root.field("Quotas").list(ListedQuota::read)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged cache is read again from AWS
        }
    }

    private static void save(Path dir, String region, Entry entry) {
        ObjectNode root = JsonTree.NODES.objectNode();
        root.put("region", region);
        root.put("fetchedAt", entry.fetchedAt().toString());
        ArrayNode quotas = root.putArray("Quotas");
        entry.quotas().forEach(q -> q.write(quotas.addObject()));
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".defaults-", ".tmp");
            try {
                Files.writeString(temporary, JsonTree.compact(root));
                Files.move(temporary, file(dir, region), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // a cache that cannot be written costs the next run its calls, nothing more
        }
    }

    private static Path file(Path dir, String region) {
        return dir.resolve("default-quotas-bedrock-" + region + ".json");
    }
}
