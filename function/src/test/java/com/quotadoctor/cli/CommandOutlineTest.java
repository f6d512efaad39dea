package com.quotadoctor.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI builds the full model of the command that runs only; the others are outlines. Whatever the user types, what
 * they see must be what the whole command line would have shown.
 */
class CommandOutlineTest {

    private static String run(String line, boolean whole) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        int status = QuotaDoctorCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), whole);
        return status + "\n--- out\n" + out + "--- err\n" + err;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "-h", "--version", "-V", "help", "help diagnose", "help plan", "help fixx",
            "diagnos", "bogus --snapshot x", "--bogus", "diagnose --help", "capture -h", "fix --help",
            "handle --help", "plan --help", "diagnose --nope", "help help", "help -- diagnose", "-- diagnose", "-V diagnose --snapshot", "-h capture --out",
            "--version plan --format nope", "-V fix --traffic"})
    void whatTheUserSeesIsWhatTheWholeCommandLineShows(String line) {
        String lazy = run(line, false);

        assertThat(lazy).isEqualTo(run(line, true));
        assertThat(lazy).doesNotContain("unexpected failure");
    }

    @org.junit.jupiter.api.Test
    void anArgumentFileRunsTheCommandItNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path snapshot = java.nio.file.Path.of("..", "events", "snapshots", "region-mismatch.json");
        java.nio.file.Path diagnose = java.nio.file.Files.writeString(dir.resolve("diagnose.txt"),
                "diagnose\n--snapshot\n" + snapshot.toAbsolutePath() + "\n--brief\n");
        java.nio.file.Path help = java.nio.file.Files.writeString(dir.resolve("help.txt"), "help\ndiagnose\n");

        String lazy = run("@" + diagnose, false);
        assertThat(lazy).startsWith("0\n").contains("REGION_MISMATCH").isEqualTo(run("@" + diagnose, true));
        assertThat(run("@" + help, false)).startsWith("0\n").contains("--snapshot").isEqualTo(run("@" + help, true));
    }

    @org.junit.jupiter.api.Test
    void noOptionTakesATypeWhoseConverterTheCliSwitchesOff() {
        picocli.CommandLine cli = QuotaDoctorCommand.commandLine(new String[0], true);

        assertThat(cli.getSubcommands()).containsKeys("diagnose", "capture", "plan", "fix", "handle");
        cli.getSubcommands().values().forEach(command -> command.getCommandSpec().args().forEach(arg -> {
            for (Class<?> type : arg.auxiliaryTypes()) {
                assertThat(type.getName()).as("%s %s", command.getCommandName(), arg.paramLabel())
                        .doesNotStartWith("java.time.").doesNotStartWith("java.sql.");
            }
            assertThat(arg.type().getName()).doesNotStartWith("java.time.").doesNotStartWith("java.sql.");
        }));
    }
}
