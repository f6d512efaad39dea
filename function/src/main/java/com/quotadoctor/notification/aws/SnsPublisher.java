package com.quotadoctor.notification.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.Notification;
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
        ObjectNode message = JsonTree.NODES.objectNode();
        message.put("default", n.text());
        message.put("email", n.text());
        message.put("email-json", machineCopy);
        message.put("https", n.chat());
        message.put("http", n.chat());
        message.put("sqs", machineCopy);
        message.put("lambda", machineCopy);
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        n.attributes().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                attributes.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build());
            }
        });
        return sns.publish(b -> b.topicArn(topicArn).subject(n.subject()).messageStructure("json")
                .message(JsonTree.compact(message)).messageAttributes(attributes)).messageId();
    }
}
