package com.quotadoctor.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JSON node that knows where it sits in the file, so every complaint names the exact place
 * ({@code regions.us-west-2.serviceQuotas[3].Value}). Reads values the way AWS writes them:
 * epoch seconds for timestamps (ISO-8601 from the aws CLI is accepted too).
 */
public record WireNode(JsonNode node, String path, String document) {

    /**
     * Parses a whole document that must be a JSON object, e.g. {@code document("snapshot", text)}.
     *
     * @throws ShapeException naming the line and column of a syntax error, or saying it is not an object
     */
    public static WireNode document(String document, String text) {
        JsonNode root = parsed(document, text);
        if (root == null || !root.isObject()) {
            throw new ShapeException(document + ": expected a JSON object");
        }
        return root(root, document);
    }

    /** {@link #document}, for a document that must be a JSON array. */
    public static WireNode arrayDocument(String document, String text) {
        JsonNode root = parsed(document, text);
        if (root == null || !root.isArray()) {
            throw new ShapeException(document + ": expected a JSON array");
        }
        return root(root, document);
    }

    private static JsonNode parsed(String document, String text) {
        return parsed(document, text, false);
    }

    /** A YAML document (a file a person wrote: a traffic file), read into the same tree and complained of the same way. */
    public static WireNode yamlDocument(String document, String text) {
        JsonNode root = parsed(document, text, true);
        if (root == null || !root.isObject()) {
            throw new ShapeException(document + ": expected a mapping (key: value lines) at the top");
        }
        return root(root, document);
    }

    private static JsonNode parsed(String document, String text, boolean yaml) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = yaml ? JsonTree.parseYaml(text) : JsonTree.parse(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own limits (nesting depth, number and string length) come without a location
            var at = e.getLocation();
            throw new ShapeException(document + " is not valid " + (yaml ? "YAML" : "JSON") + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("")
                    .replaceAll(", from `[^`]*`", ""), e);
        } catch (java.io.IOException e) {
            throw new ShapeException(document + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // SnakeYAML's own refusals (an alias bomb, a document past its size limit) are unchecked
            throw new ShapeException(document + " is not valid " + (yaml ? "YAML" : "JSON") + ": "
                    + com.quotadoctor.domain.Text.oneLine(String.valueOf(e.getMessage()), 200), e);
        }
        return root;
    }

    /** The root of a document, named in complaints when the problem is the document itself. */
    public static WireNode root(JsonNode node, String document) {
        return new WireNode(node, "", document);
    }

    public WireNode field(String name) {
        return new WireNode(node == null ? null : node.get(name), path.isEmpty() ? name : path + "." + name, document);
    }

    public boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** Whether this value is a JSON object (a map of fields). */
    public boolean isObject() {
        return node != null && node.isObject();
    }

    public <T> List<T> list(Function<WireNode, T> reader) {
        if (!present()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw problem("expected a list");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(reader.apply(new WireNode(node.get(i), path + "[" + i + "]", document)));
        }
        return out;
    }

    public Optional<String> text() {
        if (!present()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.isBoolean()) {
            throw problem("expected a string");
        }
        String value = node.asText().trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String requiredText() {
        return text().orElseThrow(() -> problem("is required"));
    }

    /** No value of the AWS APIs read here comes near it (quota values stop at 1e10); past it a number is hostile. */
    private static final double LARGEST_NUMBER = 1e15;
    /** Epoch seconds of 9999-12-31T23:59:59Z: a later (or earlier than -it) timestamp is not a real one. */
    private static final BigDecimal LARGEST_EPOCH = BigDecimal.valueOf(253_402_300_799L);
    /** A number written as text longer than this is refused before it is parsed (parsing is superlinear). */
    private static final int LONGEST_NUMBER_TEXT = 40;

    public Optional<Double> number() {
        if (!present()) {
            return Optional.empty();
        }
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.length() > LONGEST_NUMBER_TEXT) {
                throw problem("expected a number, got " + text.length() + " characters");
            }
            try {
                value = new BigDecimal(text).doubleValue();
            } catch (NumberFormatException e) {
                throw problem("expected a number, got \"" + node.asText() + "\"");
            }
        } else {
            throw problem("expected a number");
        }
        if (!Double.isFinite(value) || Math.abs(value) > LARGEST_NUMBER) {
            throw problem("number out of range");
        }
        return Optional.of(value);
    }

    public double requiredNumber() {
        return number().orElseThrow(() -> problem("is required"));
    }

    public Optional<Boolean> bool() {
        if (!present()) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isTextual() && (node.asText().equalsIgnoreCase("true") || node.asText().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(node.asText()));
        }
        throw problem("expected true or false");
    }

    /** Epoch seconds (the wire format, fractions allowed) or an ISO-8601 timestamp (aws CLI output). */
    public Optional<Instant> instant() {
        if (!present()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            // compared before any conversion: longValue() of 1e100000000 builds a hundred-million-digit integer
            if (seconds.abs().compareTo(LARGEST_EPOCH) > 0) {
                throw problem("epoch seconds out of range");
            }
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Optional.of(Instant.ofEpochSecond(whole, nanos));
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(Instant.parse(text));
                } catch (DateTimeParseException e2) {
                    throw problem("expected epoch seconds or an ISO-8601 timestamp, got \"" + text + "\"");
                }
            }
        }
        throw problem("expected a timestamp");
    }

    public Instant requiredInstant() {
        return instant().orElseThrow(() -> problem("is required"));
    }

    public ShapeException problem(String what) {
        return new ShapeException((path.isEmpty() ? document : path) + ": " + what);
    }
}
