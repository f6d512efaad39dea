package com.quotadoctor.notification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Finding;
import com.quotadoctor.diagnosis.PlanStep;
import com.quotadoctor.json.JsonTree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a diagnosis as a {@link Notification}: e-mail text, chat card, filterable attributes. */
public final class NotificationRenderer {

    /** SNS refuses subjects of 100 characters or more. */
    static final int LONGEST_SUBJECT = 99;

    private final DiagnosisReport text = new DiagnosisReport(DiagnosisReport.Style.TEXT);
    private final DiagnosisReport markdown = new DiagnosisReport(DiagnosisReport.Style.MARKDOWN);

    public Notification render(Diagnosis d) {
        Finding top = d.findings().get(0);
        String subject = subject(d.verdict().name() + ": " + top.title());
        return new Notification(subject, text.render(d), chat(d, top, subject), attributes(d, top));
    }

    /** A failure of the workflow itself: said once, plainly, with what failed. */
    /**
     * The workflow's own failure: what failed and where to look, never the payload. The event (which may carry an
     * access key id, a source IP, a user agent, or text an attacker wrote) and the stack trace stay in the execution
     * history and the function's log, where access is controlled; the message names them.
     *
     * @param error     the Step Functions error name
     * @param cause     its cause: for a Lambda error the function's JSON error, of which only the message is kept
     * @param trigger   what the execution was working on, e.g. "aws.cloudwatch CloudWatch Alarm State Change in us-west-2"
     * @param execution the execution's id, when the workflow named it
     */
    public Notification failure(String error, String cause, String trigger, java.util.Optional<String> execution) {
        String safeError = plain(error, 120);
        String message = plain(causeMessage(cause), 300);
        String where = execution.map(e -> "the Step Functions execution " + plain(e, 300)
                + " (its history holds the event and the full error)").orElse("the Step Functions execution history")
                + ", and the Diagnose function's log";
        String subject = subject("Quota Doctor could not finish a diagnosis: " + safeError);
        String body = "Quota Doctor could not finish a diagnosis.\n\nError: " + safeError + "\nCause: " + message
                + "\nWorking on: " + plain(trigger, 200) + "\nWhere to look: " + where + ".\n";
        ObjectNode card = card("Quota Doctor could not finish a diagnosis", "*" + ChatText.escape(safeError) + "*\n"
                + ChatText.escape(message) + "\nWorking on: " + ChatText.escape(plain(trigger, 200))
                + "\nWhere to look: " + ChatText.escape(where), subject, "failure");
        return new Notification(subject, body, JsonTree.compact(card), Map.of("verdict", "FAILURE", "severity", "WARNING"));
    }

    /**
     * The guided fix asks a person: the increases the plan would file, the exact commands that approve or reject them
     * (the approver's IAM identity is the audit record, in CloudTrail), and the execution's console page.
     *
     * @param filings   one line each, already held to AWS's patterns ("L-… in us-west-2: 400,000")
     * @param token     the task token the workflow waits on
     * @param execution the execution's ARN
     * @param region    where the workflow runs
     * @param hours     how long the workflow waits for an answer
     */
    public Notification approval(List<String> filings, String justification, String token, String execution,
                                 String region, long hours) {
        String subject = subject("Quota Doctor: approve " + filings.size() + " quota increase request"
                + (filings.size() == 1 ? "" : "s") + "?");
        String approve = "aws stepfunctions send-task-success --task-token '" + token + "' --task-output "
                + "'{\"approved\":true}' --region " + region;
        String reject = "aws stepfunctions send-task-failure --task-token '" + token + "' --error Rejected --cause "
                + "'not now' --region " + region;
        String console = "https://" + region + ".console.aws.amazon.com/states/home?region=" + region
                + "#/v2/executions/details/" + execution;
        String body = "The plan asks AWS for:\n" + String.join("\n", filings.stream().map(f -> "  - " + f).toList())
                + "\n\nJustification: " + plain(justification, 3_000)
                + "\n\nNothing is filed until someone approves; each quota is read again just before filing. The "
                + "approver's identity is recorded in CloudTrail (SendTaskSuccess). The question lapses in " + hours + " h.\n"
                + "\nApprove:\n  $ " + approve + "\nReject:\n  $ " + reject + "\nExecution: " + console + "\n";
        ObjectNode card = card("Quota Doctor: approve " + filings.size() + " increase request" + (filings.size() == 1 ? "" : "s")
                + "?", ChatText.escape(String.join("; ", filings)) + "\nApprove with `send-task-success` (see the e-mail or "
                + "the execution): " + ChatText.escape(console), subject, "approval");
        return new Notification(subject, body, JsonTree.compact(card), Map.of("verdict", "APPROVAL", "severity", "INFO"));
    }

    /** What became of an approval: rejected, lapsed, or filed nothing after all. */
    public Notification approvalOutcome(String outcome, List<String> filings, List<String> reasons, String execution) {
        String subject = subject("Quota Doctor: " + plain(outcome, 60) + ", nothing filed");
        String body = "The approval of the quota increase request" + (filings.size() == 1 ? "" : "s") + " below "
                + plain(outcome, 60) + "; nothing was filed by it:\n"
                + String.join("\n", filings.stream().map(f -> "  - " + f).toList())
                + (reasons.isEmpty() ? "" : "\nWhy:\n" + String.join("\n", reasons.stream().map(r -> "  - "
                + plain(r, 500)).toList()))
                + "\nExecution: " + plain(execution, 300) + "\n";
        ObjectNode card = card("Quota Doctor: " + plain(outcome, 60) + ", nothing filed",
                ChatText.escape(String.join("; ", filings)), subject, "approval");
        return new Notification(subject, body, JsonTree.compact(card), Map.of("verdict", "APPROVAL", "severity",
                reasons.stream().anyMatch(r -> r.startsWith("refused")) ? "WARNING" : "INFO"));
    }

    /** A Lambda error's cause is its JSON error object: the message alone, without type or stack trace. */
    private static String causeMessage(String cause) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = JsonTree.parse(cause);
            if (node != null && node.isObject()) {
                return node.path("errorMessage").asText(node.path("errorType").asText(""));
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: plain text
        }
        return cause.lines().findFirst().orElse("");
    }

    /** One line of printable text, no control or escape characters, at most {@code max} characters. */
    static String plain(String text, int max) {
        return com.quotadoctor.domain.Text.oneLine(text, max);
    }

    /** One line of printable ASCII under the SNS limit: SNS rejects anything else. */
    static String subject(String raw) {
        String ascii = raw.replace('\u2014', '-').replace('\u2013', '-').replace("\u00d7", "x").replace("\u2192", "->")
                .replaceAll("[\\r\\n\\t]+", " ")
                .replaceAll("[^\\x20-\\x7E]", "");
        return ascii.length() <= LONGEST_SUBJECT ? ascii : ascii.substring(0, LONGEST_SUBJECT - 3) + "...";
    }

    private static Map<String, String> attributes(Diagnosis d, Finding top) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("verdict", d.verdict().name());
        attributes.put("severity", top.severity().name());
        top.region().or(() -> d.request().regions().stream().findFirst()).ifPresent(r -> attributes.put("region", r));
        top.modelId().or(() -> d.request().models().stream().findFirst().map(m -> m.raw()))
                .ifPresent(m -> attributes.put("modelId", m));
        top.account().or(() -> d.request().account()).ifPresent(a -> attributes.put("account", a));
        return attributes;
    }

    private String chat(Diagnosis d, Finding top, String subject) {
        // every field a chat client renders holds outside text inert: the subject carries the top finding's title
        ObjectNode card = card(ChatText.escape(subject), ChatText.escape(top.explanation()), ChatText.escape(subject),
                d.verdict().name());
        ObjectNode content = (ObjectNode) card.get("content");
        ArrayNode steps = content.putArray("nextSteps");
        for (PlanStep step : d.plan().stream().limit(3).toList()) {
            // a command shows verbatim in a code block, which renders no markup; only a fence could end it early
            steps.add(ChatText.escape(step.action()) + step.command().map(c -> "\n```\n" + c.replace("```", "` ` `")
                    + "\n```").orElse(""));
        }
        ArrayNode keywords = content.putArray("keywords");
        keywords.add(d.verdict().name());
        top.region().map(ChatText::escape).ifPresent(keywords::add);
        top.modelId().map(ChatText::escape).ifPresent(keywords::add);
        ObjectNode metadata = (ObjectNode) card.get("metadata");
        metadata.put("threadId", d.fingerprint());
        ObjectNode context = metadata.putObject("additionalContext");
        context.put("verdict", d.verdict().name());
        context.put("severity", top.severity().name());
        context.put("attempt", d.attempt());
        top.account().ifPresent(a -> context.put("account", a));
        top.quotaCode().ifPresent(q -> context.put("quotaCode", q));
        String report = markdown.render(d);
        context.put("report", report.length() > 3000 ? "(see the e-mail for the full report)" : report);
        return JsonTree.compact(card);
    }

    static ObjectNode card(String title, String description, String summary, String eventType) {
        ObjectNode card = JsonTree.NODES.objectNode();
        card.put("version", "1.0");
        card.put("source", "custom");
        ObjectNode content = card.putObject("content");
        content.put("textType", "client-markdown");
        content.put("title", title);
        content.put("description", description);
        ObjectNode metadata = card.putObject("metadata");
        metadata.put("summary", summary);
        metadata.put("eventType", "QuotaDoctor." + eventType);
        return card;
    }
}
