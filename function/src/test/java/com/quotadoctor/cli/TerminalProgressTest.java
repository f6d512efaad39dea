package com.quotadoctor.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalProgressTest {

    @Test
    void onATerminalOneLineIsRewrittenAndErasedAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true)) {
            progress.completed(1, 17);
            progress.completed(17, 17);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("\rreading AWS: 1/17 regions\rreading AWS: 17/17 regions\r\033[K")
                .doesNotContain("\n");
    }

    @Test
    void elsewhereNothingIsWritten() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false)) {
            progress.completed(1, 17);
        }
        assertThat(bytes.size()).isZero();
    }
}
