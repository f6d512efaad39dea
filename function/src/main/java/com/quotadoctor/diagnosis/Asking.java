package com.quotadoctor.diagnosis;

/** How much an increase asks: the need plus 25 %, rounded up to two significant figures. One rule for every plan. */
public final class Asking {

    /** The need plus a quarter: room for growth and bursts without filing again next month. */
    public static final double HEADROOM = 1.25;

    private Asking() {
    }

    /** {@code value} rounded up to two significant figures (123,456 to 130,000): a value people read and file. */
    public static double readable(double value) {
        double step = Math.pow(10, Math.max(0, Math.floor(Math.log10(Math.max(1, value))) - 1));
        return Math.ceil(value / step) * step;
    }

    /** What to ask for a need: the need plus {@link #HEADROOM}, readable. */
    public static double forNeed(double need) {
        return readable(need * HEADROOM);
    }
}
