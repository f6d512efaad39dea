package com.quotadoctor.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.trigger.TriggerParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading an invocation's payload and writing its result: bounded, so a huge payload is refused unread. */
final class LambdaIo {

    private LambdaIo() {
    }

    /** The payload, or empty when it is larger than any event we accept. */
    static Optional<String> read(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(TriggerParser.LARGEST_EVENT + 1);
            return bytes.length > TriggerParser.LARGEST_EVENT ? Optional.empty()
                    : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invocation payload", e);
        }
    }

    static void write(OutputStream out, JsonNode result) {
        try {
            out.write(JsonTree.compact(result).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result", e);
        }
    }

    static String tooLarge() {
        return "event: larger than the " + TriggerParser.LARGEST_EVENT + " bytes an event may have";
    }
}
