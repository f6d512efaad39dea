package com.quotadoctor.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.ShapeException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives, the parser answers with a trigger or a ShapeException naming the place: never another
 * exception. 10,000 events, each the seeded mutation of a real one from events/: fields dropped, values
 * replaced by any JSON type, detail-types swapped, text cut anywhere. A failure names its seed.
 */
class TriggerParserPropertiesTest {

    private static final List<String> EVENTS = EventTable.rows().stream().map(EventTable::text).toList();
    private static final List<String> TYPES = List.of("AWS API Call via CloudTrail", "AWS Service Event via CloudTrail",
            "Support Case Update", "Bedrock Quota Request Status Change", "CloudWatch Alarm State Change",
            "Scheduled Event", "Something Else");

    private final TriggerParser parser = new TriggerParser();

    private static final int TRIES = 10_000;

    @Test
    void neverAnUnhandledException() {
        List<String> failures = new ArrayList<>();
        int skipped = 0;
        int diagnosed = 0;
        int rejected = 0;
        for (long seed = 1; seed <= TRIES; seed++) {
            Random random = new Random(seed);
            String event = mutate(EVENTS.get(random.nextInt(EVENTS.size())), random);
            try {
                Trigger trigger = parser.parse(event);
                if (trigger == null || trigger.kind() == null || trigger.kind().isBlank()) {
                    failures.add("seed " + seed + ": no trigger kind for " + event);
                } else if (trigger instanceof Trigger.Skip) {
                    skipped++;
                } else {
                    diagnosed++;
                }
            } catch (ShapeException e) {
                rejected++;
                if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
                    failures.add("seed " + seed + ": unclear message '" + e.getMessage() + "'");
                }
            } catch (RuntimeException e) {
                failures.add("seed " + seed + ": " + e + " for " + event);
            }
        }

        assertThat(failures).isEmpty();
        // the generator reaches all three answers, or the test would prove little
        assertThat(skipped).isPositive();
        assertThat(diagnosed).isPositive();
        assertThat(rejected).isPositive();
    }

    static String mutate(String text, Random random) {
        int how = random.nextInt(10);
        if (how == 0) {
            return text.substring(0, random.nextInt(text.length() + 1)); // cut anywhere
        }
        JsonNode root;
        try {
            root = JsonTree.parse(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            edit(root, random, 0);
        }
        if (how == 1 && root.isObject()) {
            ((ObjectNode) root).put("detail-type", TYPES.get(random.nextInt(TYPES.size())));
        }
        return JsonTree.compact(root);
    }

    private static void edit(JsonNode node, Random random, int depth) {
        if (!node.isContainerNode() || node.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
        int size = node.isObject() ? names.size() : node.size();
        int index = random.nextInt(size);
        JsonNode child = node.isObject() ? node.get(names.get(index)) : node.get(index);
        if (child.isContainerNode() && random.nextInt(3) > 0 && depth < 6) {
            edit(child, random, depth + 1);
            return;
        }
        JsonNode replacement = switch (random.nextInt(8)) {
            case 0 -> JsonTree.NODES.nullNode();
            case 1 -> JsonTree.NODES.numberNode(random.nextInt() * (random.nextBoolean() ? 1.5 : 1));
            case 2 -> JsonTree.NODES.textNode(randomText(random));
            case 3 -> JsonTree.NODES.booleanNode(random.nextBoolean());
            case 4 -> JsonTree.NODES.arrayNode().add(randomText(random));
            case 5 -> JsonTree.NODES.objectNode().put(randomText(random), randomText(random));
            default -> null; // remove
        };
        if (node.isObject()) {
            if (replacement == null) {
                ((ObjectNode) node).remove(names.get(index));
            } else {
                ((ObjectNode) node).set(names.get(index), replacement);
            }
        } else if (replacement == null) {
            ((ArrayNode) node).remove(index);
        } else {
            ((ArrayNode) node).set(index, replacement);
        }
    }

    private static String randomText(Random random) {
        String[] samples = {"", " ", "ALARM", "OK", "bedrock", "AWS/Bedrock", "us-west-2", "us-middle-1", "111122223333",
                "12", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "not a model", "RequestServiceQuotaIncrease",
                "2026-11-25T10:00:00Z", "yesterday", "\u0000\u202e", "L-F4DDD3EB", "{\"a\":1}", "x".repeat(300)};
        return samples[random.nextInt(samples.length)];
    }
}
