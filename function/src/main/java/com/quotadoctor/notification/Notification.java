package com.quotadoctor.notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One announcement, in every form its readers need.
 *
 * @param subject    the e-mail subject: ASCII, one line, under SNS's 100 characters, cause first
 * @param text       for people: the cause, then the evidence, then the fix commands
 * @param chat       the custom-notification JSON of Amazon Q Developer in chat applications
 * @param attributes SNS message attributes for subscription filter policies (verdict, severity, region, modelId, account)
 */
public record Notification(String subject, String text, String chat, Map<String, String> attributes) {

    /** The same notification with a link to its HTML report, at the end of the text (the chat card stays short). */
    public Notification withReport(String link) {
        return new Notification(subject, text + "\n\nReport (opens for anyone signed in to this account's console with "
                + "read access to the reports bucket): " + link, chat, attributes);
    }

    public Notification {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
