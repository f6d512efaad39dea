package com.quotadoctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code java -jar quota-doctor.jar}: the top-level command that lists the others. */
@Command(name = "quota-doctor",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Finds why approved Amazon Bedrock quota increases don't stop ThrottlingException: "
                + "the wrong region, account, model, inference family or metric, or an increase not applied yet.")
public final class QuotaDoctorCommand implements Runnable {

    /** Bad usage or bad input (unreadable snapshot, malformed model id, unknown region). */
    public static final int EXIT_BAD_INPUT = 2;
    /** An unexpected failure. */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // no command is a usage error (exit 2, one line), not a successful run; --help prints the help
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", COMMANDS.keySet()));
    }

    public static void main(String[] args) {
        // the distribution's jar carries no logging backend (the functions' Powertools layout stays in theirs): say
        // so to SLF4J, which would otherwise warn on the first logger
        if (System.getProperty("slf4j.provider") == null && QuotaDoctorCommand.class.getClassLoader()
                .getResource("org/apache/logging/slf4j/SLF4JServiceProvider.class") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(execute(args, terminal(System.out, "stdout"), terminal(System.err, "stderr")));
    }

    /**
     * A writer on {@code stream} in the encoding the platform gives it; where that encoding cannot show the report's
     * separators and signs (a C or POSIX locale), they are written in ASCII rather than as "?".
     */
    static PrintWriter terminal(java.io.PrintStream stream, String which) {
        // the encoding the JVM writes this stream in (stdout.encoding on Java 19+, sun.stdout.encoding on a console)
        java.nio.charset.Charset charset;
        try {
            charset = java.nio.charset.Charset.forName(System.getProperty(which + ".encoding",
                    System.getProperty("sun." + which + ".encoding", System.getProperty("native.encoding",
                            java.nio.charset.Charset.defaultCharset().name()))));
        } catch (RuntimeException unknown) {
            charset = java.nio.charset.Charset.defaultCharset();
        }
        if (charset.newEncoder().canEncode("·—×…≤≥→é")) {
            return new PrintWriter(stream, true);
        }
        return new PrintWriter(new java.io.FilterWriter(new java.io.OutputStreamWriter(stream, charset)) {
            @Override
            public void write(int c) throws java.io.IOException {
                write(String.valueOf((char) c), 0, 1);
            }

            @Override
            public void write(char[] buffer, int offset, int length) throws java.io.IOException {
                write(new String(buffer, offset, length), 0, length);
            }

            @Override
            public void write(String text, int offset, int length) throws java.io.IOException {
                String ascii = text.substring(offset, offset + length).replace('·', '.').replace("—", "-")
                        .replace('×', 'x').replace("…", "...").replace("≤", "<=").replace("≥", ">=")
                        .replace("→", "->");
                out.write(ascii, 0, ascii.length());
            }
        }, true);
    }

    /** The commands, in the order --help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("diagnose", DiagnoseCommand::new);
        COMMANDS.put("capture", CaptureCommand::new);
        COMMANDS.put("plan", PlanCommand::new);
        COMMANDS.put("fix", FixCommand::new);
        COMMANDS.put("handle", HandleCommand::new);
    }

    /**
     * Writes the bash completion script of every command to {@code args[0]}: run at package time for the distribution
     * (picocli's generator, given the command line as the CLI builds it, subcommands included).
     */
    public static final class Completion {

        private Completion() {
        }

        public static void main(String[] args) throws java.io.IOException {
            CommandLine cli = new CommandLine(new QuotaDoctorCommand());
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
            cli.addSubcommand("help", new CommandLine.HelpCommand());
            java.nio.file.Path out = java.nio.file.Path.of(args[0]);
            java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(out, picocli.AutoComplete.bash("quota-doctor", cli));
        }
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new QuotaDoctorCommand());
        // picocli builds a model of every registered command up front (~50 ms for all three, measured with
        // whole-process A/B timing): when the first argument names one, only that one is built
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first)) {
            cli.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
            cli.addSubcommand("help", new CommandLine.HelpCommand());
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("quota-doctor: " + line(ex.getMessage(), "bad usage") + " (see --help)");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, err));
        return cli.execute(args);
    }

    /**
     * One line on standard error and the exit status: bad input carries its own (2); anything else is ours, exit 1,
     * never reported as the user's mistake.
     */
    static int failed(Exception ex, java.io.PrintWriter err) {
        if (ex instanceof com.quotadoctor.domain.BadInputException bad) {
            err.println("quota-doctor: " + line(bad.getMessage(), "bad input"));
            return bad.status();
        }
        err.println("quota-doctor: unexpected failure (a bug; please report it): " + line(ex.toString(), ""));
        return EXIT_FAILURE;
    }

    /** An error's first line, inert: its text may quote a file, an event or an endpoint's answer. */
    private static String line(String message, String otherwise) {
        String first = String.valueOf(message).lines().findFirst().orElse("");
        return first.isBlank() ? otherwise : com.quotadoctor.domain.Text.oneLine(first, 2_000);
    }
}
