package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.json.WireNode;
import com.quotadoctor.notification.Notification;
import com.quotadoctor.notification.NotificationJson;
import com.quotadoctor.notification.NotificationLedger;
import com.quotadoctor.notification.NotificationPublisher;
import com.quotadoctor.notification.NotificationRenderer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Notify task: announces a diagnosis (or the workflow's own failure) at least once, and once only per
 * situation. A delivery claims the situation's fingerprint for a short lease under an owner token (the digest of its
 * input: every retry of one delivery holds the same token, so a claim whose response was lost is recognised as its
 * own), publishes, and only then marks it sent. A publish that fails gives the claim back and fails the task, so the
 * workflow's retry announces it; a delivery that dies in between leaves a lease that expires. Another delivery of
 * the same situation in flight fails this one with {@link NotificationBusyException}, retried after the lease.
 */
public final class NotifyStep {

    /** What became of one notification. */
    public enum Result { SENT, SUPPRESSED, NOTHING_TO_SEND }

    /**
     * How long a claim holds before another delivery may take the situation over: longer than a Notify invocation
     * (30 s), shorter than the workflow's retries of a busy one (10 s, 20 s, 40 s).
     */
    public static final Duration LEASE = Duration.ofSeconds(60);

    /** Another delivery of the same situation holds the claim: the workflow retries this one after the lease. */
    public static final class NotificationBusyException extends RuntimeException {
        public NotificationBusyException(String fingerprint) {
            super("another delivery of situation " + fingerprint + " is in flight; retry after " + LEASE.toSeconds() + " s");
        }
    }

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
        // the workflow names each delivery (its execution); run locally, the input itself stands for it
        String owner = in.field("delivery").field("execution").text().orElseGet(() -> sha(input));
        JsonNode root = in.node().deepCopy();
        ((ObjectNode) root).remove("delivery");
        if (in.field("failure").present()) {
            return failure(root, in.field("failure"), owner);
        }
        if (in.field("approval").present()) {
            return approval(in.field("approval"), owner);
        }
        if (in.field("skipped").present() || in.field("error").present()) {
            return Result.NOTHING_TO_SEND;
        }
        Notification notification = NotificationJson.read(in.field("notification"));
        ObjectNode machineCopy = root.deepCopy();
        machineCopy.remove("notification");
        return announce(in.field("fingerprint").requiredText(), owner, notification, JsonTree.compact(machineCopy));
    }

    /**
     * The workflow caught an error: say so once per error and input, naming what failed and where to look, never the
     * event itself (it stays in the execution history).
     */
    private Result failure(JsonNode root, WireNode failure, String owner) {
        String error = failure.field("Error").text().orElse("Error");
        String cause = failure.field("Cause").text().orElse("");
        ObjectNode input = root.deepCopy();
        input.remove("failure");
        String inputText = JsonTree.compact(input);
        String trigger = String.join(" ", java.util.stream.Stream.of("source", "detail-type").map(k -> input.path(k).asText(""))
                .filter(t -> !t.isBlank()).toList());
        String region = input.path("region").asText("");
        String working = (trigger.isBlank() ? "a request with no event type" : trigger + " event")
                + (region.isBlank() ? "" : " in " + region) + (input.path("time").isTextual() ? " at " + input.path("time").asText() : "");
        Optional<String> execution = owner.startsWith("arn:") ? Optional.of(owner) : Optional.empty();
        Notification notification = renderer.failure(error, cause, working, execution);
        return announce("failure-" + sha(error + "\n" + inputText), owner, notification,
                JsonTree.compact(failureRecord(error, working, execution)));
    }

    /** A task token as Step Functions issues it (SendTaskSuccess: 1 to 2,048 characters). */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("^[A-Za-z0-9+/=_.:-]{1,2048}$");
    private static final java.util.regex.Pattern EXECUTION = java.util.regex.Pattern.compile(
            "^arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:execution:[A-Za-z0-9_.:-]{1,160}$");

    /**
     * The guided fix: ask a person to approve the plan's increases ({@code approval.taskToken} present), or say what
     * became of the question ({@code approval.outcome}: rejected, lapsed, nothing left to file). Once per question.
     */
    private Result approval(WireNode approval, String owner) {
        List<String> filings = approval.field("filings").list(f -> com.quotadoctor.domain.AwsId.QUOTA_CODE
                .require(f.field("quotaCode").requiredText(), "quotaCode") + " in "
                + com.quotadoctor.domain.AwsId.REGION.require(f.field("region").requiredText(), "region")
                + f.field("account").text().map(a -> {
                    if (!com.quotadoctor.domain.AccountId.isValid(a)) {
                        throw f.field("account").problem("expected a 12-digit account id");
                    }
                    return ", account " + a;
                }).orElse("") + ": " + com.quotadoctor.diagnosis.Format.text(Math.ceil(f.field("desiredValue")
                .requiredNumber())));
        String execution = approval.field("execution").requiredText();
        if (!EXECUTION.matcher(execution).matches()) {
            throw approval.field("execution").problem("expected an execution ARN");
        }
        Optional<String> outcome = approval.field("outcome").text();
        if (outcome.isPresent()) {
            List<String> reasons = new java.util.ArrayList<>();
            reasons.addAll(approval.field("refused").list(r -> "refused: " + r.requiredText()));
            reasons.addAll(approval.field("nothing").list(WireNode::requiredText));
            Notification n = renderer.approvalOutcome(outcome.get(), filings, reasons, execution);
            return announce("approval-outcome-" + sha(execution + "\n" + outcome.get()), owner, n,
                    JsonTree.compact(JsonTree.NODES.objectNode().put("verdict", "APPROVAL").put("outcome", outcome.get())));
        }
        String token = approval.field("taskToken").requiredText();
        if (!TOKEN.matcher(token).matches()) {
            throw approval.field("taskToken").problem("expected a Step Functions task token");
        }
        String region = execution.split(":")[3];
        Notification n = renderer.approval(filings, approval.field("justification").text().orElse(""), token, execution,
                region, approval.field("hours").number().map(Double::longValue).orElse(24L));
        ObjectNode machine = JsonTree.NODES.objectNode().put("verdict", "APPROVAL").put("execution", execution);
        return announce("approval-" + sha(token), owner, n, JsonTree.compact(machine));
    }

    /** The machine-readable failure: what failed and where, without the event or the stack trace. */
    private static ObjectNode failureRecord(String error, String working, Optional<String> execution) {
        ObjectNode record = JsonTree.NODES.objectNode();
        record.put("verdict", "FAILURE");
        record.put("error", error);
        record.put("workingOn", working);
        execution.ifPresent(e -> record.put("execution", e));
        return record;
    }

    private Result announce(String fingerprint, String owner, Notification notification, String machineCopy) {
        Instant now = clock.instant();
        switch (ledger.claim(fingerprint, owner, now, now.plus(LEASE))) {
            case SENT -> {
                telemetry.suppressed();
                return Result.SUPPRESSED;
            }
            case BUSY -> throw new NotificationBusyException(fingerprint);
            default -> {
                // CLAIMED: ours to publish
            }
        }
        try {
            publisher.publish(notification, machineCopy);
        } catch (RuntimeException e) {
            try {
                ledger.release(fingerprint, owner);
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed); // the lease runs out; the retry, same owner, reclaims it at once
            }
            throw e;
        }
        try {
            ledger.sent(fingerprint, owner, clock.instant(), now.plus(remember));
        } catch (RuntimeException markFailed) {
            // published: the claim stays a lease, so at worst the situation is announced again after it (at least once)
        }
        telemetry.notified();
        return Result.SENT;
    }

    private static String sha(String text) {
        return com.quotadoctor.domain.Fingerprint.of(text);
    }
}
