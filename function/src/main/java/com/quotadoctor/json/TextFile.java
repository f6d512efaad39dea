package com.quotadoctor.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A JSON document read from a file the user names, bounded before anything is parsed: a regular file only (a
 * FIFO would block, {@code /dev/zero} never end), at most {@code limit} bytes (checked while reading, for a file
 * that grows), strict UTF-8. Every refusal is a {@link ShapeException} naming the file and the reason.
 */
public final class TextFile {

    private TextFile() {
    }

    public static String read(Path file, int limit, String what) {
        if (!Files.exists(file)) {
            throw new ShapeException(what + " file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new ShapeException(what + " " + file + " is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        } catch (NoSuchFileException e) {
            throw new ShapeException(what + " file not found: " + file);
        } catch (AccessDeniedException e) {
            throw new ShapeException(what + " " + file + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new ShapeException(what + " " + file + " cannot be read: " + e.getMessage());
        }
        if (bytes.length > limit) {
            throw new ShapeException(what + " " + file + " is larger than the " + limit + " bytes it may have");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ShapeException(what + " " + file + " is not UTF-8 text");
        }
    }
}
