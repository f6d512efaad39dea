package com.quotadoctor.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The one merge of two requests, and the loop's next attempt. */
class DiagnosisRequestTest {

    private static final DiagnosisRequest BASE = new DiagnosisRequest(Optional.of("111122223333"), List.of("us-west-2"),
            List.of(ModelId.parse("us.anthropic.claude-sonnet-4-5-20250929-v1:0")), Optional.empty(), Optional.empty(),
            new ErrorSignal(Optional.of("ThrottlingException"), Optional.of("Too many requests")), 2,
            Optional.of(Instant.parse("2026-11-26T10:00:00Z")));

    @Test
    void whatANewerRequestNamesWinsTheRestComesFromTheBaseTheErrorFieldByField() {
        DiagnosisRequest flags = new DiagnosisRequest(Optional.empty(), List.of("us-east-1"), List.of(), Optional.of("r1"),
                Optional.empty(), new ErrorSignal(Optional.empty(), Optional.of("Too many tokens per day")), 1,
                Optional.empty());

        DiagnosisRequest merged = flags.over(BASE);

        assertThat(merged.regions()).containsExactly("us-east-1");
        assertThat(merged.models()).isEqualTo(BASE.models());
        assertThat(merged.account()).contains("111122223333");
        assertThat(merged.requestId()).contains("r1");
        assertThat(merged.error().code()).contains("ThrottlingException");
        assertThat(merged.error().message()).contains("Too many tokens per day");
        assertThat(merged.attempt()).isEqualTo(2);
        assertThat(merged.deadline()).isEqualTo(BASE.deadline());
    }

    @Test
    void theNextAttemptChangesOnlyTheAttempt() {
        DiagnosisRequest next = BASE.nextAttempt();

        assertThat(next.attempt()).isEqualTo(3);
        assertThat(next).usingRecursiveComparison().ignoringFields("attempt").isEqualTo(BASE);
    }
}
