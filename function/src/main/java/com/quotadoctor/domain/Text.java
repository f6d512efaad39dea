package com.quotadoctor.domain;

/** Text that came from elsewhere (AWS, an event, a child execution), made safe to show on one line. */
public final class Text {

    private Text() {
    }

    /**
     * One line of printable text, at most {@code max} characters: terminal escape sequences (CSI, OSC) dropped whole,
     * then every other control or format character (line breaks, U+2028, bidi overrides) made a space.
     */
    public static String oneLine(String text, int max) {
        String one = text == null ? "" : text.replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "")
                .replaceAll("\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?", "")
                .replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Zl}\\p{Zp}\u0080-\u009F]+", " ").trim();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
