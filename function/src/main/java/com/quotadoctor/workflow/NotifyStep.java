package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.json.WireNode;
import com.quotadoctor.notification.Notification;
import com.quotadoctor.notification.NotificationLedger;
import com.quotadoctor.notification.NotificationPublisher;
import com.quotadoctor.notification.NotificationRenderer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Notify task: announces a diagnosis (or the workflow's own failure) once per situation. The claim
 * in the ledger comes first, so that duplicate deliveries race on one conditional write; a publish that
 * fails gives the claim back and fails the task, so the workflow's retry can announce it.
 */
public final class NotifyStep {

    /** What became of one notification. */
    public enum Result { SENT, SUPPRESSED, NOTHING_TO_SEND }

    private final NotificationLedger ledger;
    private final NotificationPublisher publisher;
    private final Clock clock;
    private final Duration remember;
    private final Telemetry telemetry;
    private final NotificationRenderer renderer = new NotificationRenderer();

    public NotifyStep(NotificationLedger ledger, NotificationPublisher publisher, Clock clock, Duration remember,
                      Telemetry telemetry) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
        this.remember = remember;
        this.telemetry = telemetry;
    }

    /** @throws ShapeException when the input is neither a Diagnose outcome nor a caught failure */
    public Result run(String input) {
        WireNode in = WireNode.document("notify input", input);
        JsonNode root = in.node();
        if (in.field("failure").present()) {
            return failure(root, in.field("failure"));
        }
        if (in.field("skipped").present() || in.field("error").present()) {
            return Result.NOTHING_TO_SEND;
        }
        WireNode n = in.field("notification");
        Map<String, String> attributes = new LinkedHashMap<>();
        WireNode attributeNode = n.field("attributes");
        if (attributeNode.present()) {
            attributeNode.node().fieldNames().forEachRemaining(k -> attributes.put(k, attributeNode.field(k).requiredText()));
        }
        Notification notification = new Notification(n.field("subject").requiredText(), n.field("text").requiredText(),
                n.field("chat").text().orElse("{}"), attributes);
        ObjectNode machineCopy = root.deepCopy();
        machineCopy.remove("notification");
        return announce(in.field("fingerprint").requiredText(), notification, JsonTree.compact(machineCopy));
    }

    /** The workflow caught an error: say so once per error and input. */
    private Result failure(JsonNode root, WireNode failure) {
        String error = failure.field("Error").text().orElse("Error");
        String cause = failure.field("Cause").text().orElse("");
        ObjectNode input = root.deepCopy();
        input.remove("failure");
        String inputText = JsonTree.compact(input);
        Notification notification = renderer.failure(error, cause, inputText);
        return announce("failure-" + sha(error + "\n" + inputText), notification, JsonTree.compact(root));
    }

    private Result announce(String fingerprint, Notification notification, String machineCopy) {
        Instant now = clock.instant();
        if (!ledger.claim(fingerprint, now, now.plus(remember))) {
            telemetry.suppressed();
            return Result.SUPPRESSED;
        }
        try {
            publisher.publish(notification, machineCopy);
        } catch (RuntimeException e) {
            ledger.release(fingerprint);
            throw e;
        }
        telemetry.notified();
        return Result.SENT;
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
