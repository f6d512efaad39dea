package com.quotadoctor.notification;

/**
 * Text from evidence made inert for a chat card (Amazon Q Developer in chat applications renders "client-markdown"
 * in Slack and Teams): no mention ({@code <!here>}, {@code <@U…>}, {@code @channel}), no link an event's free text
 * could smuggle in, no control characters. Only what could do that is escaped, so the rest reads as written.
 */
public final class ChatText {

    private ChatText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                // a markdown link needs "[text](url)": escaping the brackets breaks every link; other markup
                // (emphasis, code) can only restyle text, and Slack shows a backslash before it literally
                case '[', ']', '\\' -> out.append('\\').append(c);
                // "@channel", "@here": a zero-width joiner keeps it from being a mention
                case '@' -> out.append("@\u2060");
                case '\n' -> out.append('\n');
                default -> {
                    if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
