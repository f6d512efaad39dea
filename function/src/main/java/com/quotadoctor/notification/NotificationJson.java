package com.quotadoctor.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.WireNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code notification} object the Diagnose and Reduce steps hand to Notify ({@code subject}, {@code text},
 * {@code chat}, {@code attributes}): one codec, both directions.
 */
public final class NotificationJson {

    private NotificationJson() {
    }

    public static ObjectNode write(Notification notification) {
        ObjectNode n = JsonTree.NODES.objectNode();
        n.put("subject", notification.subject());
        n.put("text", notification.text());
        n.put("chat", notification.chat());
        ObjectNode attributes = n.putObject("attributes");
        notification.attributes().forEach(attributes::put);
        return n;
    }

    /** @throws com.quotadoctor.json.ShapeException naming the missing or malformed field */
    public static Notification read(WireNode n) {
        Map<String, String> attributes = new LinkedHashMap<>();
        WireNode attributeNode = n.field("attributes");
        if (attributeNode.present()) {
            attributeNode.node().fieldNames().forEachRemaining(k -> attributes.put(k, attributeNode.field(k).requiredText()));
        }
        return new Notification(n.field("subject").requiredText(), n.field("text").requiredText(),
                n.field("chat").text().orElse("{}"), attributes);
    }
}
