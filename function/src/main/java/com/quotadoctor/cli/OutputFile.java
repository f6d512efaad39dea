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
        // only a regular file is ever replaced: not /dev/null, a FIFO, a device node, nor a symbolic link (whose
        // target the move would silently swap for a file of our own)
        if (Files.isSymbolicLink(out.target)
                || (Files.exists(out.target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(out.target, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
            throw new BadInputException("--out " + file + " is not a regular file (a link, device or pipe): give a file path");
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)
                || (Files.exists(out.target) && !Files.isWritable(out.target))) {
            throw new BadInputException("--out " + file + " cannot be written (the directory must exist and be writable)");
        }
        return out;
    }

    void write(String content) {
        try {
            boolean replacing = Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            Path temporary = temporary(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), replacing);
            try {
                if (replacing) {
                    keepModeAndGroup(temporary);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + given + ": " + e.getMessage(), e);
        }
    }

    /**
     * A replaced file keeps its mode and, where the user may give it, its group (a report shared through a group stays
     * shared), both set before the new content takes the target's place.
     */
    private void keepModeAndGroup(Path temporary) throws IOException {
        var old = Files.getFileAttributeView(target, java.nio.file.attribute.PosixFileAttributeView.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (old == null) {
            return; // a file system without POSIX modes: nothing to keep
        }
        var attributes = old.readAttributes();
        var fresh = Files.getFileAttributeView(temporary, java.nio.file.attribute.PosixFileAttributeView.class);
        try {
            fresh.setGroup(attributes.group());
        } catch (IOException notAMember) {
            // only the group's members (and root) may give a file to it: the mode is still kept
        }
        fresh.setPermissions(attributes.permissions());
    }

    /**
     * A new file beside the target holding {@code content}, created and written through one exclusive open (O_EXCL:
     * never through a link). Replacing a file, it starts owner-only until the old file's mode is copied onto it; a new
     * file gets what the user's umask gives, as {@code >} would ({@code Files.createTempFile}'s fixed 0600 would leave
     * a report meant for sharing unreadable to the team).
     */
    private Path temporary(byte[] content, boolean replacing) throws IOException {
        java.nio.file.attribute.FileAttribute<?>[] ownerOnly = replacing && target.getFileSystem()
                .supportedFileAttributeViews().contains("posix")
                ? new java.nio.file.attribute.FileAttribute<?>[]{java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))}
                : new java.nio.file.attribute.FileAttribute<?>[0];
        for (int attempt = 1; ; attempt++) {
            Path candidate = target.resolveSibling(".quota-doctor-"
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try (var channel = Files.newByteChannel(candidate, java.util.EnumSet.of(
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), ownerOnly)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                return candidate;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (attempt == 20) {
                    throw taken;
                }
            } catch (IOException | RuntimeException failed) {
                Files.deleteIfExists(candidate);
                throw failed;
            }
        }
    }

    @Override
    public String toString() {
        return given.toString();
    }
}
