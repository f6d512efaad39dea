package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.DiagnosisJson;
import com.quotadoctor.notification.Notification;
import com.quotadoctor.notification.NotificationJson;
import com.quotadoctor.notification.SizeBudget;
import com.quotadoctor.organization.AccountReport;
import com.quotadoctor.organization.AccountReportJson;

/**
 * What the Diagnose step produced, as the Step Functions workflow reads it: the diagnosis JSON with the
 * notification to send ({@code nextCheckSeconds} present means wait and look again), or
 * {@code {"skipped": …}}, or {@code {"error": …}} for an event that cannot be read.
 */
public sealed interface StepOutcome {

    ObjectNode toJson();

    /** @param situation the running diagnosis's claim ({@link RunLedger}), carried through the waiting loop */
    record Diagnosed(String trigger, Diagnosis diagnosis, Notification notification, java.util.Optional<String> situation)
            implements StepOutcome {

        public Diagnosed(String trigger, Diagnosis diagnosis, Notification notification) {
            this(trigger, diagnosis, notification, java.util.Optional.empty());
        }

        Diagnosed running(String claimed) {
            return new Diagnosed(trigger, diagnosis, notification, java.util.Optional.of(claimed));
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode json = DiagnosisJson.toTree(diagnosis);
            json.put("trigger", trigger);
            if (situation.isPresent()) {
                json.put("situation", situation.get());
            }
            json.set("notification", notification(notification.text(), notification.chat()));
            // the workflow's state is capped at 256 KiB, and an execution over it fails where no Catch sees it
            if (SizeBudget.bytes(JsonTree.compact(json)) > STATE_BUDGET) {
                json = SizeBudget.withoutEvidence(json);
            }
            int over = SizeBudget.bytes(JsonTree.compact(json)) - STATE_BUDGET;
            if (over > 0) {
                json.set("notification", notification(SizeBudget.cut(notification.text(),
                        Math.max(2048, SizeBudget.bytes(notification.text()) - over)), "{}"));
            }
            if (SizeBudget.bytes(JsonTree.compact(json)) > STATE_BUDGET) {
                ObjectNode min = SizeBudget.essentials(json);
                min.set("request", json.get("request"));
                min.set("notification", notification(SizeBudget.cut(notification.text(), 16 * 1024), "{}"));
                json = min;
            }
            return json;
        }

        /** Room left under the state limit for what the workflow adds (the delivery stamp, a caught failure). */
        static final int STATE_BUDGET = SizeBudget.LIMIT - 8 * 1024;

        private ObjectNode notification(String text, String chat) {
            return NotificationJson.write(new Notification(notification.subject(), text, chat, notification.attributes()));
        }
    }

    /**
     * One account of an organisation sweep: its diagnosis, as any, plus the account's summary the sweep's reduction
     * reads. The summary always survives the state limit; the diagnosis's evidence goes first.
     */
    record MemberDiagnosed(Diagnosed diagnosed, AccountReport report) implements StepOutcome {
        @Override
        public ObjectNode toJson() {
            ObjectNode summary = AccountReportJson.write(report);
            ObjectNode json = diagnosed.toJson();
            json.set("accountReport", summary);
            if (SizeBudget.bytes(JsonTree.compact(json)) > Diagnosed.STATE_BUDGET) {
                ObjectNode min = SizeBudget.essentials(json);
                min.set("notification", json.get("notification"));
                min.set("accountReport", summary);
                json = min;
            }
            return json;
        }
    }

    record Skipped(String trigger, String reason) implements StepOutcome {
        @Override
        public ObjectNode toJson() {
            ObjectNode json = JsonTree.NODES.objectNode();
            json.put("skipped", reason);
            json.put("trigger", trigger);
            return json;
        }
    }

    /** The event itself is malformed: retrying cannot help, so this is a result, not an exception. */
    record Rejected(String reason) implements StepOutcome {
        @Override
        public ObjectNode toJson() {
            ObjectNode json = JsonTree.NODES.objectNode();
            json.put("error", reason);
            return json;
        }
    }
}
