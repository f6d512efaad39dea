package com.quotadoctor.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The top level, built without reflection, says and does what picocli's annotated form of it would. */
class TopLevelCommandTest {

    @CommandLine.Command(name = QuotaDoctorCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = QuotaDoctorCommand.DESCRIPTION)
    static final class Annotated implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "no command");
        }
    }

    private static String run(CommandLine cli, String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        for (String name : new String[]{"diagnose", "plan"}) {
            CommandLine.Model.CommandSpec sub = CommandLine.Model.CommandSpec.create().name(name);
            sub.usageMessage().description("the " + name + " command");
            cli.addSubcommand(name, sub);
        }
        int status = cli.execute(line.isEmpty() ? new String[0] : line.split(" "));
        return status + "\n" + out + "\n" + err.toString().replaceAll("\\s+at .*", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "--version", "-V", "-hV", "--bogus", "diagnos", "-h diagnose", "-x -y"})
    void theTopLevelPrintsWhatItsAnnotatedFormWould(String line) {
        assertThat(run(new CommandLine(QuotaDoctorCommand.topLevel()), line))
                .isEqualTo(run(new CommandLine(new Annotated()), line));
    }

    @org.junit.jupiter.api.Test
    void itsBashCompletionIsTheAnnotatedFormsToo() {
        assertThat(picocli.AutoComplete.bash(QuotaDoctorCommand.NAME, new CommandLine(QuotaDoctorCommand.topLevel())))
                .isEqualTo(picocli.AutoComplete.bash(QuotaDoctorCommand.NAME, new CommandLine(new Annotated())))
                .contains("--version");
    }
}
