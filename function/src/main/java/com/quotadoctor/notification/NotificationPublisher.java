package com.quotadoctor.notification;

/** Sends a notification to its subscribers. */
public interface NotificationPublisher {

    /**
     * @param machineCopy the diagnosis JSON, for machine subscribers (queues, functions)
     * @return the message id
     * @throws RuntimeException when it could not be sent: the caller must not count it as sent
     */
    String publish(Notification notification, String machineCopy);
}
