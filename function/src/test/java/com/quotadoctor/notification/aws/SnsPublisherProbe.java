package com.quotadoctor.notification.aws;

import com.quotadoctor.notification.Notification;
import com.quotadoctor.notification.SizeBudget;

/** What SnsPublisher would send, measured as SNS counts it: message, subject and attributes. */
public final class SnsPublisherProbe {

    private SnsPublisherProbe() {
    }

    public static int wholeMessageBytes(Notification n, String machineCopy) {
        int attributes = n.attributes().entrySet().stream().mapToInt(a -> SizeBudget.bytes(a.getKey())
                + SizeBudget.bytes(String.valueOf(a.getValue())) + "String".length()).sum();
        int overhead = SizeBudget.bytes(n.subject()) + attributes;
        return SizeBudget.bytes(SnsPublisher.message(n, machineCopy, SizeBudget.LIMIT - overhead)) + overhead;
    }
}
