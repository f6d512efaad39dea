package com.quotadoctor.domain;

/** Text that came from elsewhere (AWS, an event, a child execution), made safe to show on one line. */
public final class Text {

    private Text() {
    }

    /** One line of printable text, no control or format characters, at most {@code max} characters. */
    public static String oneLine(String text, int max) {
        String one = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").trim();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
