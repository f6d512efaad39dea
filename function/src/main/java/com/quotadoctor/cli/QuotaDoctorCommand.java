package com.quotadoctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code java -jar quota-doctor.jar}: the top-level command that lists the others. */
@Command(name = "quota-doctor",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Finds why approved Amazon Bedrock quota increases don't stop ThrottlingException: "
                + "the wrong region, account, model, inference family or metric, or an increase not applied yet.",
        subcommands = {DiagnoseCommand.class, CaptureCommand.class, HandleCommand.class, CommandLine.HelpCommand.class})
public final class QuotaDoctorCommand implements Runnable {

    /** Bad usage or bad input (unreadable snapshot, malformed model id, unknown region). */
    public static final int EXIT_BAD_INPUT = 2;
    /** An unexpected failure. */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new QuotaDoctorCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("quota-doctor: " + ex.getMessage().lines().findFirst().orElse("bad usage")
                    + " (see --help)");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                err.println("quota-doctor: " + ex.getMessage().lines().findFirst().orElse("bad input"));
                return EXIT_BAD_INPUT;
            }
            err.println("quota-doctor: unexpected failure: " + ex);
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }
}
