package com.quotadoctor.diagnosis;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers and durations as people read them, and numbers as the AWS CLI takes them. */
class FormatTest {

    @Test
    void peopleReadGroupedNumbersWithAtMostTwoDecimals() {
        assertThat(Format.text(1_500_000)).isEqualTo("1,500,000");
        assertThat(Format.text(5.166666666666667)).isEqualTo("5.17");
        assertThat(Format.text(-1234.5)).isEqualTo("-1,234.5");
        assertThat(Format.text(999)).isEqualTo("999");
        assertThat(Format.text(Double.POSITIVE_INFINITY)).isEqualTo("0");
    }

    @Test
    void commandsGetBareNumbersNeverScientific() {
        assertThat(Format.plain(400_000)).isEqualTo("400000");
        assertThat(Format.plain(2e15)).isEqualTo("2000000000000000");
        assertThat(Format.plain(2.5)).isEqualTo("2.5");
    }

    @Test
    void durationsInHoursUpToThreeDaysThenDays() {
        assertThat(Format.age(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(Format.age(Duration.ofHours(24))).isEqualTo("24 h");
        assertThat(Format.age(Duration.ofHours(50).plusMinutes(5))).isEqualTo("50 h 5 min");
        assertThat(Format.age(Duration.ofDays(4).plusHours(6))).isEqualTo("4 d 6 h");
        assertThat(Format.age(Duration.ofDays(3))).isEqualTo("3 d");
    }
}
