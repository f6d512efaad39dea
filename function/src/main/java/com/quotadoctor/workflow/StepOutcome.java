package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.DiagnosisJson;
import com.quotadoctor.notification.Notification;
import com.quotadoctor.notification.SizeBudget;

/**
 * What the Diagnose step produced, as the Step Functions workflow reads it: the diagnosis JSON with the
 * notification to send ({@code nextCheckSeconds} present means wait and look again), or
 * {@code {"skipped": …}}, or {@code {"error": …}} for an event that cannot be read.
 */
public sealed interface StepOutcome {

    ObjectNode toJson();

    record Diagnosed(String trigger, Diagnosis diagnosis, Notification notification) implements StepOutcome {
        @Override
        public ObjectNode toJson() {
            ObjectNode json = DiagnosisJson.toTree(diagnosis);
            json.put("trigger", trigger);
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
            ObjectNode n = JsonTree.NODES.objectNode();
            n.put("subject", notification.subject());
            n.put("text", text);
            n.put("chat", chat);
            ObjectNode attributes = n.putObject("attributes");
            notification.attributes().forEach(attributes::put);
            return n;
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
