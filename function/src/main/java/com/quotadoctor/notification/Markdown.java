package com.quotadoctor.notification;

/** Outside text made inert in Markdown: nothing in it can link, mention, embed, restyle or break a table. */
public final class Markdown {

    private static final java.util.regex.Pattern SPECIAL = java.util.regex.Pattern.compile("[\\\\`*_\\[\\]<>|~&!#]");

    private Markdown() {
    }

    public static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$0");
    }
}
