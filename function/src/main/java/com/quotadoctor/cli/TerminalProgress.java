package com.quotadoctor.cli;

import com.quotadoctor.evidence.aws.LiveCollector;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "reading AWS: 5/17 regions" on one line of standard error while a scan runs, rewritten in place and erased at
 * the end; only when standard error is a terminal, so a pipe, a file or a CI log gets nothing.
 */
final class TerminalProgress implements LiveCollector.Progress, AutoCloseable {

    private final PrintStream out;
    private final boolean shown;
    private final String unit;
    private boolean drawn;

    TerminalProgress(PrintStream out, boolean shown) {
        this(out, shown, "regions");
    }

    TerminalProgress(PrintStream out, boolean shown, String unit) {
        this.out = out;
        this.shown = shown;
        this.unit = unit;
    }

    static TerminalProgress onStandardError() {
        return onStandardError("regions");
    }

    /** @param unit what is counted: "regions" for one account, "accounts" for an organisation */
    static TerminalProgress onStandardError(String unit) {
        return new TerminalProgress(System.err, standardErrorIsTerminal(), unit);
    }

    @Override
    public synchronized void completed(int done, int total) {
        if (shown) {
            out.print("\rreading AWS: " + done + "/" + total + " " + unit);
            out.flush();
            drawn = true;
        }
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    /**
     * Java 17 tells whether stdin and stdout are a terminal ({@code System.console()}), not stderr. On Linux the
     * descriptor's link says it exactly; elsewhere the console stands in for it.
     */
    private static boolean standardErrorIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
