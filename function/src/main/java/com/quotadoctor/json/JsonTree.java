package com.quotadoctor.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads JSON into a tree with the streaming parser alone. An {@code ObjectMapper} would do the
 * same, but its first use loads about a thousand classes (serializers, date formats, locale
 * providers): a third of the CLI's cold run, measured with {@code bench/cli-cold-start.sh}.
 * Writing goes through the streaming generator for the same reason.
 */
public final class JsonTree {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** The node factory every tree here is built with. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

    private JsonTree() {
    }

    /** @throws com.fasterxml.jackson.core.JsonProcessingException with the line and column of a syntax error */
    public static JsonNode parse(String text) throws IOException {
        return parse(FACTORY, text);
    }

    /** A YAML document into the same tree (one document; anchors and aliases under SnakeYAML's own limits). */
    public static JsonNode parseYaml(String text) throws IOException {
        return parse(YAML.get(), text);
    }

    // built on first use: the CLI's other commands never load SnakeYAML
    private static final java.util.function.Supplier<JsonFactory> YAML = new java.util.function.Supplier<>() {
        private volatile JsonFactory factory;

        @Override
        public JsonFactory get() {
            if (factory == null) {
                factory = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();
            }
            return factory;
        }
    };

    private static JsonNode parse(JsonFactory factory, String text) throws IOException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = value(parser, first);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected content after the JSON value");
            }
            return root;
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    if (object.has(name)) {
                        // which value was meant? AWS never sends a key twice; a person's file that does is refused
                        throw new com.fasterxml.jackson.core.JsonParseException(parser, "duplicate key '" + name + "'");
                    }
                    object.set(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            // an integer beyond a long is still valid JSON: kept exactly, judged (out of range) where it is read
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected token " + token);
        };
    }

    /** Pretty-printed, in the tree's field order. */
    public static String write(JsonNode tree) {
        return write(tree, true);
    }

    /** On one line. */
    public static String compact(JsonNode tree) {
        return write(tree, false);
    }

    private static String write(JsonNode tree, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (pretty) {
                generator.useDefaultPrettyPrinter();
            }
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                g.writeFieldName(field.getKey());
                write(g, field.getValue());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                write(g, element);
            }
            g.writeEndArray();
        } else if (node.isNull()) {
            g.writeNull();
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            g.writeNumber(node.bigIntegerValue());
        } else if (node.isNumber()) {
            g.writeNumber(node.decimalValue());
        } else {
            g.writeString(node.asText());
        }
    }
}
