package com.quotadoctor.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar quota-doctor.jar}: the top-level command that lists the others. Its picocli model is built directly
 * ({@link #topLevel()}), not from annotations: reflecting on an annotated top level costs every start ~25 ms
 * (bench/launcher.sh); {@code TopLevelCommandTest} holds what it prints to what the annotated form would print.
 */
public final class QuotaDoctorCommand implements Runnable {

    /** Bad usage or bad input (unreadable snapshot, malformed model id, unknown region). */
    public static final int EXIT_BAD_INPUT = 2;
    /** An unexpected failure. */
    public static final int EXIT_FAILURE = 1;

    static final String NAME = "quota-doctor";
    static final String DESCRIPTION = "Finds why approved Amazon Bedrock quota increases don't stop ThrottlingException: "
            + "the wrong region, account, model, inference family or metric, or an increase not applied yet.";

    private CommandLine.Model.CommandSpec spec;

    /** The top level as {@code @Command(name, mixinStandardHelpOptions = true, versionProvider, description)} gives it. */
    static CommandLine.Model.CommandSpec topLevel() {
        QuotaDoctorCommand top = new QuotaDoctorCommand();
        top.spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(top).name(NAME).versionProvider(new Version());
        top.spec.usageMessage().description(DESCRIPTION);
        // picocli's standard help options, with the descriptions its mixin gives them
        top.spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        top.spec.addOption(CommandLine.Model.OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return top.spec;
    }

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

    /**
     * A command as the top-level help lists it: its name and first line, no options. From constants, not its
     * annotation: reading an annotation makes the JVM generate a proxy class, a few ms of every start.
     */
    private static CommandLine.Model.CommandSpec outline(String name, String summary, boolean header) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(name);
        if (header) {
            spec.usageMessage().header(summary);
        } else {
            spec.usageMessage().description(summary);
        }
        return spec;
    }

    /** A command: its class and the first line of its help. */
    private record Listed(Class<?> type, String summary) {
    }

    /** The commands, in the order --help lists them. */
    private static final Map<String, Listed> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("diagnose", new Listed(DiagnoseCommand.class, DiagnoseCommand.SUMMARY));
        COMMANDS.put("capture", new Listed(CaptureCommand.class, CaptureCommand.SUMMARY));
        COMMANDS.put("plan", new Listed(PlanCommand.class, PlanCommand.SUMMARY));
        COMMANDS.put("fix", new Listed(FixCommand.class, FixCommand.SUMMARY));
        COMMANDS.put("handle", new Listed(HandleCommand.class, HandleCommand.SUMMARY));
    }

    /** picocli's help command lists itself by this header (CommandOutlineTest holds the two equal). */
    private static final String HELP_HEADER = "Display help information about the specified command.";

    /**
     * Writes the bash completion script of every command to {@code args[0]}: run at package time for the distribution
     * (picocli's generator, given the command line as the CLI builds it, subcommands included).
     */
    public static final class Completion {

        private Completion() {
        }

        public static void main(String[] args) throws java.io.IOException {
            CommandLine cli = commandLine(new String[0], true);
            java.nio.file.Path out = java.nio.file.Path.of(args[0]);
            java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(out, picocli.AutoComplete.bash("quota-doctor", cli));
        }
    }

    /**
     * The distribution's class-data-sharing training run ({@code bin/quota-doctor}): the commands a user starts most,
     * offline, in one JVM, so the archive holds the classes of each (help and usage rendering too, not only a
     * diagnosis). Output is discarded; {@code args[0]} is the bundled training snapshot.
     */
    public static final class Training {

        private Training() {
        }

        public static void main(String[] args) {
            String snapshot = args[0];
            String[][] runs = {{"--help"}, {"--version"}, {"diagnose", "--help"}, {"plan", "--help"},
                    {"diagnose", "--snapshot", snapshot}, {"diagnose", "--snapshot", snapshot, "--format", "json"},
                    {"diagnose", "--snapshot", snapshot, "--format", "html"}};
            PrintWriter discard = new PrintWriter(java.io.Writer.nullWriter());
            int failed = 0;
            for (String[] run : runs) {
                failed += execute(run, discard, discard) == 0 ? 0 : 1;
            }
            // and a usage error's path
            failed += execute(new String[]{"diagnose", "--bogus"}, discard, discard) == EXIT_BAD_INPUT ? 0 : 1;
            // a training run that fails makes no archive: the launcher then keeps running without one
            System.exit(failed == 0 ? 0 : EXIT_FAILURE);
        }
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, false);
    }

    /**
     * As {@link #execute(String[], PrintWriter, PrintWriter)}; {@code whole} registers every command's full model
     * whatever the arguments (what the lazy paths are held equal to in tests).
     */
    static int execute(String[] args, PrintWriter out, PrintWriter err, boolean whole) {
        CommandLine cli = commandLine(args, whole);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("quota-doctor: " + line(ex.getMessage(), "bad usage") + " (see --help)");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, err));
        return cli.execute(args);
    }

    /** The command line that parses {@code args}: {@code whole}, every command's full model (completion, tests). */
    static CommandLine commandLine(String[] args, boolean whole) {
        // picocli's documented switches: no option here takes a java.sql or java.time type, no annotation holds a
        // Groovy closure; each spares every start a reflective lookup (the failed one for Groovy ~8 ms)
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        CommandLine cli = new CommandLine(topLevel());
        // picocli builds a command's model by reflecting on its annotated fields, ~20-40 ms each on a cold JVM: only
        // the command that runs gets one; the others are outlines (name and description) for the top-level help,
        // did-you-mean and the unknown-command error
        String first = args.length > 0 ? args[0] : "";
        String named = "help".equals(first) && args.length > 1 ? args[1] : first;
        // an @file (picocli expands it after this) or "--" can put any command anywhere, and an option before the
        // command is checked against that command's whole model: then every model is built
        boolean all = whole || java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("@") || a.equals("--"))
                || (args.length > 1 && first.startsWith("-"));
        COMMANDS.forEach((name, command) -> cli.addSubcommand(name,
                all || name.equals(named) ? command.type() : outline(name, command.summary(), false)));
        if (!COMMANDS.containsKey(first)) {
            cli.addSubcommand("help", all || "help".equals(first) ? new CommandLine.HelpCommand()
                    : outline("help", HELP_HEADER, true));
        }
        return cli;
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
