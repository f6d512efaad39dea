package com.quotadoctor.diagnosis;

import java.math.BigDecimal;
import java.time.Duration;

/** How numbers and durations read in findings. */
public final class Format {

    private Format() {
    }

    /** 120000.0 as 120000, 0.5 as 0.5: quota values are counts. */
    public static Number number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return BigDecimal.valueOf(value).stripTrailingZeros();
    }

    public static String text(double value) {
        return number(value).toString();
    }

    /** A whole percentage of {@code part} in {@code whole}. */
    public static String percent(double part, double whole) {
        return whole <= 0 ? "n/a" : Math.round(100 * part / whole) + "%";
    }

    /** "3 h 20 min", "45 min", "2 d 4 h". */
    public static String age(Duration duration) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes + " min";
    }
}
