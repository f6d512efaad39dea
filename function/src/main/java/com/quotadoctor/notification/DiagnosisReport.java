package com.quotadoctor.notification;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Finding;
import com.quotadoctor.diagnosis.RemediationStep;

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
        StringBuilder out = new StringBuilder();
        heading(out, 1, "Quota Doctor verdict: " + d.verdict().name());
        out.append(d.top().title()).append("\n\n");
        line(out, "Judged at", d.judgedAt().toString());
        line(out, "Attempt", String.valueOf(d.attempt()));
        d.nextCheckSeconds().ifPresent(s -> line(out, "Next check in", s + " s"));
        d.deadline().ifPresent(t -> line(out, "Deadline", t.toString()));
        line(out, "Fingerprint", d.fingerprint());
        out.append('\n');
        int n = 1;
        for (Finding f : d.findings()) {
            finding(out, n++, f);
        }
        if (!d.evidenceGaps().isEmpty()) {
            heading(out, 2, "Evidence gaps");
            d.evidenceGaps().forEach(g -> bullet(out, g.where() + " (" + g.code() + "): " + g.message()));
            out.append('\n');
        }
        return out.toString();
    }

    private void finding(StringBuilder out, int n, Finding f) {
        heading(out, 2, n + ". " + f.code().name() + " [" + f.severity().name() + "] " + f.title());
        out.append(f.explanation()).append("\n\n");
        if (!f.evidence().isEmpty()) {
            out.append(style == Style.MARKDOWN ? "**Evidence**\n\n" : "Evidence:\n");
            for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
                bullet(out, e.getKey() + ": " + e.getValue());
            }
            out.append('\n');
        }
        if (!f.remediation().isEmpty()) {
            out.append(style == Style.MARKDOWN ? "**Fix**\n\n" : "Fix:\n");
            int step = 1;
            for (RemediationStep s : f.remediation()) {
                out.append(style == Style.MARKDOWN ? step + ". " : "  " + step + ". ").append(s.action()).append('\n');
                s.command().ifPresent(c -> command(out, c));
                step++;
            }
            out.append('\n');
        }
    }

    private void heading(StringBuilder out, int level, String text) {
        if (style == Style.MARKDOWN) {
            out.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        } else {
            out.append(text).append('\n').append((level == 1 ? "=" : "-").repeat(Math.min(text.length(), 100))).append('\n');
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
