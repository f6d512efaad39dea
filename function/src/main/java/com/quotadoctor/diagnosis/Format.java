package com.quotadoctor.diagnosis;

import java.math.BigDecimal;
import java.time.Duration;

/** How numbers and durations read in findings. */
public final class Format {

    private Format() {
    }

    /** 120000.0 as 120000, 5.1666… as 5.17: quota values are counts, and two decimals say all a person needs. */
    public static Number number(double value) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /**
     * For people: thousands separated, at most two decimals ("1,500,000", "5.17"). Grouped by hand: Formatter and
     * DecimalFormat would cost the CLI's cold start tens of milliseconds for three commas.
     */
    public static String text(double value) {
        String plain = plain(value);
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        boolean negative = whole.startsWith("-");
        String digits = negative ? whole.substring(1) : whole;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return (negative ? "-" : "") + out + (dot < 0 ? "" : plain.substring(dot));
    }

    /** For commands: the bare number ("1500000"), as the AWS CLI takes it. */
    public static String plain(double value) {
        Number n = number(value);
        return n instanceof BigDecimal d ? d.toPlainString() : n.toString(); // never "1E+15" in a command
    }

    /** A whole percentage of {@code part} in {@code whole}. */
    public static String percent(double part, double whole) {
        return whole <= 0 ? "n/a" : Math.round(100 * part / whole) + "%";
    }

    /** "3 h 20 min", "45 min", "24 h", "50 h", "3 d", "4 d 6 h": hours up to three days, days beyond. */
    public static String age(Duration duration) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days >= 3) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (days > 0) {
            return d.toHours() + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes + " min";
    }
}
