package com.quotadoctor.cli;

import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.json.ShapeException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Only bad input exits as bad input: a programming error is ours, exit 1, whatever exception type it happens to be. */
class ExitStatusTest {

    private static String[] run(Exception ex) {
        StringWriter err = new StringWriter();
        int status = QuotaDoctorCommand.failed(ex, new PrintWriter(err, true));
        return new String[]{Integer.toString(status), err.toString()};
    }

    @Test
    void badInputCarriesItsStatus() {
        assertThat(run(new ShapeException("detail.state.value: expected a string"))).containsExactly("2",
                "quota-doctor: detail.state.value: expected a string" + System.lineSeparator());
        assertThat(run(new BadInputException("--region: unknown region 'mars-1'\nmore"))[0]).isEqualTo("2");
    }

    @Test
    void aPlainIllegalArgumentExceptionIsABugNotTheUsersMistake() {
        String[] result = run(new IllegalArgumentException("index out of range in Planner"));

        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1]).startsWith("quota-doctor: unexpected failure (a bug; please report it)").doesNotContain("\tat ");
    }
}
