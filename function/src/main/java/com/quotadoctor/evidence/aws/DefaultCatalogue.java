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
 * day: in memory (a warm Lambda, one CLI run) and in a shared store (for the CLI a directory, the user's XDG cache;
 * for the functions the state table, so a cold function reads it there instead of from Service Quotas). Only a
 * complete listing is kept; an unreadable or stale copy is read again from AWS, never trusted.
 */
public final class DefaultCatalogue {

    /** Where a catalogue outlives the process: one document per region, written whole. */
    public interface Store {
        Optional<String> load(String region);

        void save(String region, String document, Instant expiresAt);
    }

    /** How long a region's catalogue is trusted: AWS changes defaults rarely, and a day bounds the surprise. */
    public static final Duration TTL = Duration.ofHours(24);

    private record Entry(Instant fetchedAt, List<ListedQuota> quotas) {
    }

    private final Map<String, Entry> memory = new ConcurrentHashMap<>();
    private final Optional<Store> store;
    private final Clock clock;

    private DefaultCatalogue(Optional<Store> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Kept in this process only (a warm Lambda keeps it across invocations). */
    public static DefaultCatalogue inMemory(Clock clock) {
        return new DefaultCatalogue(Optional.empty(), clock);
    }

    /** Kept in this process and in {@code directory} (created when first written). */
    public static DefaultCatalogue inDirectory(Path directory, Clock clock) {
        return new DefaultCatalogue(Optional.of(new DirectoryStore(directory)), clock);
    }

    /** Kept in this process and in {@code store}. */
    public static DefaultCatalogue in(Store store, Clock clock) {
        return new DefaultCatalogue(Optional.of(store), clock);
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
        if (store.isPresent()) {
            save(region, entry);
        }
    }

    private Optional<Entry> load(String region) {
        try {
            Optional<String> text = store.flatMap(st -> st.load(region));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            WireNode root = WireNode.document("catalogue of " + region, text.get());
            if (!root.field("region").requiredText().equals(region)) {
                return Optional.empty();
            }
            return Optional.of(new Entry(root.field("fetchedAt").requiredInstant(),
                    root.field("Quotas").list(ListedQuota::read)));
        } catch (RuntimeException e) {
            return Optional.empty(); // a damaged or unreachable copy is read again from AWS
        }
    }

    private void save(String region, Entry entry) {
        ObjectNode root = JsonTree.NODES.objectNode();
        root.put("region", region);
        root.put("fetchedAt", entry.fetchedAt().toString());
        ArrayNode quotas = root.putArray("Quotas");
        entry.quotas().forEach(q -> q.write(quotas.addObject()));
        try {
            store.get().save(region, JsonTree.compact(root), entry.fetchedAt().plus(TTL));
        } catch (RuntimeException e) {
            // a copy that cannot be written costs the next run its calls, nothing more
        }
    }

    /** The CLI's store: one file per region, replaced atomically. */
    private record DirectoryStore(Path dir) implements Store {

        @Override
        public Optional<String> load(String region) {
            Path file = file(region);
            try {
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public void save(String region, String document, Instant expiresAt) {
            try {
                Files.createDirectories(dir);
                Path temporary = Files.createTempFile(dir, ".defaults-", ".tmp");
                try {
                    Files.writeString(temporary, document);
                    Files.move(temporary, file(region), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private Path file(String region) {
            return dir.resolve("default-quotas-bedrock-" + region + ".json");
        }
    }
}
