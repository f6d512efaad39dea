package com.quotadoctor.notification.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.Notification;
import com.quotadoctor.notification.SizeBudget;
import com.quotadoctor.notification.NotificationPublisher;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes to the findings topic, one message per protocol (SNS {@code MessageStructure=json}): e-mail gets
 * the text, HTTPS endpoints such as Amazon Q Developer in chat applications get the chat card, queues and
 * functions get the diagnosis JSON. Attributes carry what subscription filter policies match on.
 */
public final class SnsPublisher implements NotificationPublisher {

    private final SnsClient sns;
    private final String topicArn;

    public SnsPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public String publish(Notification n, String machineCopy) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        n.attributes().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                attributes.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build());
            }
        });
        String message = message(n, machineCopy, SizeBudget.LIMIT - overhead(n, attributes));
        return sns.publish(b -> b.topicArn(topicArn).subject(n.subject()).messageStructure("json")
                .message(message).messageAttributes(attributes)).messageId();
    }

    /**
     * One body per protocol, each once: e-mail (and anything else) the text as "default", HTTPS the chat card, queues
     * and functions the diagnosis JSON; no "http" (the topic refuses plain-HTTP subscriptions). Shrunk to fit.
     */
    static String message(Notification n, String machineCopy, int budget) {
        String text = n.text();
        String machine = machineCopy;
        String body = body(text, n.chat(), machine);
        if (SizeBudget.bytes(body) > budget) {
            machine = JsonTree.compact(SizeBudget.withoutEvidence(tree(machine)));
            body = body(text, n.chat(), machine);
        }
        if (SizeBudget.bytes(body) > budget) {
            text = SizeBudget.cut(text, Math.max(1024, budget - (SizeBudget.bytes(body) - SizeBudget.bytes(text))));
            body = body(text, n.chat(), machine);
        }
        if (SizeBudget.bytes(body) > budget) {
            machine = JsonTree.compact(SizeBudget.essentials(tree(machineCopy)));
            text = SizeBudget.cut(text, budget / 2);
            body = body(text, "{}", machine);
        }
        return body;
    }

    private static String body(String text, String chat, String machine) {
        ObjectNode message = JsonTree.NODES.objectNode();
        message.put("default", text);
        message.put("https", chat);
        message.put("sqs", machine);
        message.put("lambda", machine);
        return JsonTree.compact(message);
    }

    /** Subject and attributes count toward SNS's limit too. */
    private static int overhead(Notification n, Map<String, MessageAttributeValue> attributes) {
        int bytes = SizeBudget.bytes(n.subject());
        for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
            bytes += SizeBudget.bytes(a.getKey()) + SizeBudget.bytes(a.getValue().stringValue()) + "String".length();
        }
        return bytes;
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JsonTree.parse(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
