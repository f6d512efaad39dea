package com.quotadoctor.cli;

import com.quotadoctor.domain.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file the CLI writes its result to: checked before any AWS call (a run of many seconds must not end in
 * "cannot write"), written beside the target and moved over it, so a reader never sees half a file.
 */
final class OutputFile {

    private final Path target;
    private final Path given;

    private OutputFile(Path given) {
        this.given = given;
        this.target = given.toAbsolutePath();
    }

    /** @throws IllegalArgumentException when the file cannot be written: bad input, exit 2 */
    static OutputFile checked(Path file) {
        OutputFile out = new OutputFile(file);
        Path parent = out.target.getParent();
        if (Files.isDirectory(out.target)) {
            throw new BadInputException("--out " + file + " is a directory");
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)
                || (Files.exists(out.target) && !Files.isWritable(out.target))) {
            throw new BadInputException("--out " + file + " cannot be written (the directory must exist and be writable)");
        }
        return out;
    }

    void write(String content) {
        try {
            Path temporary = Files.createTempFile(target.getParent(), ".quota-doctor-", ".tmp");
            try {
                Files.writeString(temporary, content);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + given + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return given.toString();
    }
}
