package com.quotadoctor.notification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Format;
import com.quotadoctor.diagnosis.Severity;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.organization.AccountReport;
import com.quotadoctor.organization.CrossAccountMismatch;
import com.quotadoctor.organization.OrganizationReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one message of an organisation sweep: the accounts whose calls fail under another account's increase (with
 * the command that fixes each), then every account that needs a person, by severity, then those that could not be
 * read. Each account's own situation is announced on its own, deduplicated as any diagnosis; this is the overview.
 */
public final class OrganizationDigest {

    /** Accounts listed one by one; beyond this the digest counts them (the report in S3 lists all). */
    static final int LISTED = 50;

    public Notification render(OrganizationReport report) {
        String subject = NotificationRenderer.subject("Organisation sweep: " + report.needingAction() + " of "
                + report.accounts().size() + " accounts need action" + (report.mismatches().isEmpty() ? ""
                : ", " + report.mismatches().size() + " failing under another account's increase"));
        String text = text(report);
        ObjectNode card = NotificationRenderer.card(subject, ChatText.escape(summary(report)), subject, "OrganizationSweep");
        ArrayNode steps = ((ObjectNode) card.get("content")).putArray("nextSteps");
        for (CrossAccountMismatch m : report.mismatches().stream().limit(3).toList()) {
            steps.add(ChatText.escape("In account " + m.failing() + ":") + "\n```\n" + m.command() + "\n```");
        }
        ((ObjectNode) card.get("metadata")).put("threadId", report.fingerprint());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("verdict", "ORGANIZATION_SWEEP");
        attributes.put("severity", report.severity().name());
        return new Notification(subject, text, JsonTree.compact(card), attributes);
    }

    static String summary(OrganizationReport r) {
        return r.accounts().size() + " accounts read: " + r.count(Severity.CRITICAL) + " critical, "
                + r.count(Severity.WARNING) + " warning, " + r.unreadable() + " unreadable, "
                + (r.accounts().size() - r.needingAction()) + " with nothing to do.";
    }

    /** The digest as plain text: the CLI prints it for an organisation. */
    public String text(OrganizationReport r) {
        StringBuilder out = new StringBuilder();
        title(out, "Quota Doctor organisation sweep", '=');
        out.append(summary(r)).append('\n');
        if (!r.mismatches().isEmpty()) {
            out.append('\n');
            title(out, "Calls failing under another account's increase", '-');
            out.append("Quotas are per account: an increase never carries over to another account.\n");
            for (CrossAccountMismatch m : r.mismatches().stream().limit(LISTED).toList()) {
                AccountReport.Throttled t = m.calls();
                AccountReport.Filed f = m.increase();
                out.append("- account ").append(m.failing()).append(", ").append(t.region()).append(", ")
                        .append(NotificationRenderer.plain(t.model(), 200)).append(": ")
                        .append(calls(t)).append(" under ").append(f.quotaCode())
                        .append(f.quotaName().isBlank() ? "" : " (" + NotificationRenderer.plain(f.quotaName(), 120) + ")")
                        .append(", raised in account ").append(m.raisedIn()).append(" (request ")
                        .append(NotificationRenderer.plain(f.requestId(), 80)).append(", ").append(f.status().name())
                        .append(", ").append(Format.plain(f.desiredValue())).append(").\n")
                        .append("  Run in account ").append(m.failing()).append(", or move the workload to account ")
                        .append(m.raisedIn()).append(":\n    $ ").append(m.command()).append('\n');
            }
            if (r.mismatches().size() > LISTED) {
                out.append("- and ").append(r.mismatches().size() - LISTED).append(" more (see the sweep's report)\n");
            }
        }
        List<AccountReport> listed = r.accounts().stream().filter(AccountReport::needsAction).toList();
        if (!listed.isEmpty()) {
            out.append('\n');
            title(out, "Accounts that need action", '-');
            for (AccountReport a : listed.stream().limit(LISTED).toList()) {
                out.append("- ").append(a.account()).append("  ");
                if (a.unreadable().isPresent()) {
                    out.append("UNREADABLE  ").append(NotificationRenderer.plain(a.unreadable().get(), 300));
                } else {
                    out.append(a.severity().name()).append("  ").append(a.verdict().orElse("?"))
                            .append("  (").append(a.throttled().size()).append(" failing contexts, ")
                            .append(a.increases().size()).append(" increase requests")
                            .append(a.gaps().isEmpty() ? "" : ", " + a.gaps().size() + " evidence gaps").append(')');
                }
                out.append('\n');
            }
            if (listed.size() > LISTED) {
                out.append("- and ").append(listed.size() - LISTED).append(" more (see the sweep's report)\n");
            }
        }
        out.append("\nEach account's own findings and fix arrive as their own message, once per situation.\n");
        return out.toString();
    }

    static String calls(AccountReport.Throttled t) {
        return t.failedCalls() > 0 ? t.failedCalls() + " failed calls" : Format.plain(t.throttles()) + " throttles";
    }

    private static void title(StringBuilder out, String title, char rule) {
        out.append(title).append('\n').append(String.valueOf(rule).repeat(title.length())).append('\n');
    }
}
