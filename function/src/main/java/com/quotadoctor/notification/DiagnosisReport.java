package com.quotadoctor.notification;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Finding;
import com.quotadoctor.diagnosis.Format;
import com.quotadoctor.diagnosis.PlanStep;
import com.quotadoctor.diagnosis.Severity;

import java.util.List;
import java.util.stream.Collectors;

import java.util.Map;

/**
 * The diagnosis for people, as plain text (terminal, e-mail) or Markdown (chat, tickets).
 * One layout, two spellings, so the two never drift apart.
 */
public final class DiagnosisReport {

    /** How a layout element is spelled. */
    public enum Style {
        TEXT, MARKDOWN
    }

    private final Style style;

    public DiagnosisReport(Style style) {
        this.style = style;
    }

    public String render(Diagnosis d) {
        return printable(layout(d));
    }

    /**
     * Evidence text comes from AWS responses and snapshot files: control characters other than line breaks and tabs
     * (terminal escape sequences among them) are dropped, so a report never drives the terminal that shows it.
     */
    static String printable(String text) {
        return text.replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "").replaceAll("\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?", "")
                .replaceAll("[\\p{Cntrl}&&[^\n\t]]|[\u0080-\u009F]", "");
    }

    private String layout(Diagnosis d) {
        StringBuilder out = new StringBuilder();
        heading(out, 1, "Quota Doctor verdict: " + d.verdict().name());
        out.append(prose(d.top().title())).append("\n\n");
        line(out, "Judged at", d.judgedAt().toString());
        line(out, "Attempt", String.valueOf(d.attempt()));
        d.nextCheckSeconds().ifPresent(s -> line(out, "Next check in", s + " s"));
        d.deadline().ifPresent(t -> line(out, "Deadline", t.toString()));
        line(out, "Fingerprint", d.fingerprint());
        out.append('\n');
        plan(out, d.plan());
        d.justification().ifPresent(j -> {
            heading(out, 2, "Justification (paste into the increase request or support case)");
            out.append(prose(j)).append("\n\n");
        });
        List<Finding> main = d.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        List<Finding> info = d.findings().stream().filter(f -> f.severity() == Severity.INFO).toList();
        heading(out, 2, "Findings");
        int n = 1;
        for (Finding f : main.isEmpty() ? info : main) {
            finding(out, n++, f, d.plan());
        }
        if (!main.isEmpty() && !info.isEmpty()) {
            heading(out, 2, "Also checked");
            for (Finding f : info) {
                finding(out, n++, f, d.plan());
            }
        }
        if (!d.evidenceGaps().isEmpty()) {
            heading(out, 2, "Evidence gaps");
            d.evidenceGaps().forEach(g -> bullet(out, prose(g.where() + " (" + g.code() + "): " + g.message())));
            out.append('\n');
        }
        return out.toString();
    }

    private void plan(StringBuilder out, List<PlanStep> plan) {
        if (plan.isEmpty()) {
            return;
        }
        heading(out, 2, "Plan");
        int n = 1;
        for (PlanStep s : plan) {
            out.append(style == Style.MARKDOWN ? n + ". " : "  " + n + ". ")
                    .append(style == Style.MARKDOWN ? "**" + s.kind().wire() + "** " : "[" + s.kind().wire() + "] ")
                    .append(prose(s.action())).append('\n');
            s.command().ifPresent(c -> command(out, c));
            String indent = style == Style.MARKDOWN ? "   " : "       ";
            s.links().forEach(l -> out.append(indent).append("console: ").append(l).append('\n'));
            if (!s.why().isEmpty()) {
                out.append(indent).append("why: ").append(prose(s.why())).append(" (")
                        .append(s.serves().stream().map(Enum::name).collect(Collectors.joining(", "))).append(")\n");
            }
            n++;
        }
        out.append('\n');
    }

    private void finding(StringBuilder out, int n, Finding f, List<PlanStep> plan) {
        heading(out, 3, n + ". " + f.code().name() + " [" + f.severity().name() + "] " + prose(f.title()));
        out.append(prose(f.explanation())).append("\n\n");
        if (!f.evidence().isEmpty()) {
            out.append(style == Style.MARKDOWN ? "**Evidence**\n\n" : "Evidence:\n");
            for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
                bullet(out, e.getKey() + ": " + prose(readable(e.getValue())));
            }
            out.append('\n');
        }
        if (!f.remediation().isEmpty()) {
            out.append(style == Style.MARKDOWN ? "**Plan steps:** " : "Plan steps: ")
                    .append(f.remediation().stream().map(s -> String.valueOf(plan.indexOf(s) + 1))
                            .collect(Collectors.joining(", "))).append("\n\n");
        }
    }

    /**
     * Text that may hold outside text (names, messages, ids from AWS or a file), as this format shows it inert: in
     * Markdown every character that could open a link, an image, emphasis, code, HTML or a mention (Slack's
     * {@code <!channel>}) is escaped; plain text is printable as it is.
     */
    private String prose(String text) {
        return style == Style.MARKDOWN ? MARKDOWN_SPECIAL.matcher(text).replaceAll("\\\\$0") : text;
    }

    private static final java.util.regex.Pattern MARKDOWN_SPECIAL = java.util.regex.Pattern.compile("[\\\\`*_\\[\\]<>|~&!#]");

    /** Numbers with thousands separators; lists as lists. */
    private static String readable(Object value) {
        if (value instanceof Number number) {
            return Format.text(number.doubleValue());
        }
        return String.valueOf(value);
    }

    private void heading(StringBuilder out, int level, String text) {
        if (style == Style.MARKDOWN) {
            out.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        } else {
            out.append(text).append('\n').append((level == 1 ? "=" : level == 2 ? "-" : "·").repeat(Math.min(text.length(), 100)))
                    .append('\n');
        }
    }

    private void line(StringBuilder out, String label, String value) {
        if (style == Style.MARKDOWN) {
            out.append("- **").append(label).append(":** ").append(value).append('\n');
        } else {
            out.append(label).append(": ").append(value).append('\n');
        }
    }

    private void bullet(StringBuilder out, String text) {
        out.append(style == Style.MARKDOWN ? "- " : "  - ").append(text).append('\n');
    }

    private void command(StringBuilder out, String command) {
        if (style == Style.MARKDOWN) {
            out.append("\n   ```sh\n   ").append(command).append("\n   ```\n\n");
        } else {
            out.append("       $ ").append(command).append('\n');
        }
    }
}
