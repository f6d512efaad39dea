package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.DiagnosisJson;
import com.quotadoctor.notification.Notification;

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
            ObjectNode n = json.putObject("notification");
            n.put("subject", notification.subject());
            n.put("text", notification.text());
            n.put("chat", notification.chat());
            ObjectNode attributes = n.putObject("attributes");
            notification.attributes().forEach(attributes::put);
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
