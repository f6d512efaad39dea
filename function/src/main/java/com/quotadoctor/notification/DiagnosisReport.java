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

    /** The verdict, the top finding and the plan, nothing else: for terminals and chat ({@code --brief}). */
    public String brief(Diagnosis d) {
        StringBuilder out = new StringBuilder();
        heading(out, 1, "Quota Doctor verdict: " + d.verdict().name());
        out.append(prose(d.top().title())).append(" [").append(d.top().severity().name()).append("]\n\n");
        plan(out, d.plan());
        return printable(out.toString().stripTrailing() + "\n");
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
        // one line: when, which look, what comes next, and the situation's fingerprint
        out.append(style == Style.MARKDOWN ? "- " : "").append("Judged at ").append(d.judgedAt()).append(" · attempt ")
                .append(d.attempt())
                .append(d.nextCheckSeconds().map(s -> " · next check in " + s + " s").orElse(""))
                .append(d.deadline().map(t -> " · deadline " + t).orElse(""))
                .append(" · fingerprint ").append(d.fingerprint()).append("\n\n");
        plan(out, d.plan());
        d.justification().ifPresent(j -> {
            heading(out, 2, "Justification (paste into the increase request or support case)");
            out.append(prose(j)).append("\n\n");
        });
        List<Finding> main = d.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        List<Finding> info = d.findings().stream().filter(f -> f.severity() == Severity.INFO).toList();
        heading(out, 2, "Findings");
        Shared shared = new Shared();
        int n = 1;
        for (Finding f : main.isEmpty() ? info : main) {
            finding(out, n++, f, d.plan(), shared);
        }
        if (!main.isEmpty() && !info.isEmpty()) {
            heading(out, 2, "Also checked");
            for (Finding f : info) {
                finding(out, n++, f, d.plan(), shared);
            }
        }
        shared.print(out);
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

    private void finding(StringBuilder out, int n, Finding f, List<PlanStep> plan, Shared shared) {
        heading(out, 3, n + ". " + f.code().name() + " [" + f.severity().name() + "] " + prose(f.title()));
        out.append(prose(f.explanation())).append("\n\n");
        if (!f.evidence().isEmpty()) {
            // the failing calls' and the request's evidence are shown once, under "Evidence", and pointed at here
            Map<String, Object> own = new java.util.LinkedHashMap<>(f.evidence());
            List<String> refs = shared.take(own);
            out.append(style == Style.MARKDOWN ? "**Evidence:** " : "Evidence: ")
                    .append(refs.isEmpty() ? "" : prose(String.join("; ", refs)) + (own.isEmpty() ? "" : "; and"))
                    .append('\n');
            for (Map.Entry<String, Object> e : own.entrySet()) {
                bullet(out, e.getKey() + ": " + prose(readable(e.getValue())));
            }
        }
        if (!f.remediation().isEmpty()) {
            out.append(style == Style.MARKDOWN ? "**Plan steps:** " : "Plan steps: ")
                    .append(f.remediation().stream().map(s -> String.valueOf(plan.indexOf(s) + 1))
                            .collect(Collectors.joining(", "))).append('\n');
        }
        out.append('\n');
    }

    /** The evidence every finding about the same failing calls or the same request shares (Facts.workload, Facts.request). */
    private static final java.util.Set<String> WORKLOAD_KEYS = java.util.Set.of("failingRegion", "failingAccount", "modelId",
            "applicationInferenceProfile", "inferenceFamily", "regionConfirmedBy", "failedCalls", "lastFailure", "lastError",
            "principal", "boundMetric", "explicitRegionRetest", "peakTokensPerMinute", "peakRequestsPerMinute",
            "throttledRequests", "clientErrors", "endpoint", "tokensLast24h", "outputBurndown", "demandSource");
    private static final java.util.Set<String> REQUEST_KEYS = java.util.Set.of("requestId", "caseId", "requestQuotaCode",
            "requestQuotaName", "requestRegion", "requestAccount", "requester", "desiredValue", "status", "created",
            "lastUpdated");

    /**
     * The shared evidence of a report: each workload (model, region, account) and each request once, in the order the
     * findings first name them; the findings point at them by name. The JSON keeps every finding's evidence whole.
     */
    /** Already in a block's name ("the … calls in us-west-2, account …", "request …", "quota … in …"). */
    private static final java.util.Set<String> NAMED = java.util.Set.of("failingRegion", "failingAccount", "modelId",
            "requestId", "quotaCode", "region");

    private final class Shared {
        private final Map<String, Map<String, Object>> blocks = new java.util.LinkedHashMap<>();

        /** Moves the shared part of {@code evidence} into its blocks; what is left is the finding's own. */
        List<String> take(Map<String, Object> evidence) {
            List<String> refs = new java.util.ArrayList<>();
            if (evidence.get("modelId") != null && evidence.get("failingRegion") != null) {
                // one model's runtime and mantle calls are two workloads: the endpoint keeps their facts apart
                String name = "the " + evidence.get("modelId") + (evidence.get("endpoint") == null ? "" : " bedrock-mantle")
                        + " calls in " + evidence.get("failingRegion")
                        + (evidence.get("failingAccount") == null ? "" : ", account " + evidence.get("failingAccount"));
                move(evidence, WORKLOAD_KEYS::contains, name, k -> k);
                refs.add(name);
            }
            if (evidence.get("requestId") != null) {
                String name = "request " + evidence.get("requestId");
                move(evidence, REQUEST_KEYS::contains, name, k -> k);
                refs.add(name);
            }
            // a quota's facts (Facts.quota: <prefix>QuotaCode, …Name, …Region, …AppliedValue, …DefaultValue, …Adjustable)
            for (String codeKey : List.copyOf(evidence.keySet())) {
                if (!codeKey.endsWith("QuotaCode") || codeKey.equals("requestQuotaCode")) {
                    continue;
                }
                String prefix = codeKey.substring(0, codeKey.length() - "QuotaCode".length());
                Object region = evidence.get(prefix + "Region");
                String name = "quota " + evidence.get(codeKey) + (region == null ? "" : " in " + region);
                java.util.Set<String> keys = java.util.Set.of(prefix + "QuotaCode", prefix + "QuotaName", prefix + "Region",
                        prefix + "AppliedValue", prefix + "DefaultValue", prefix + "Adjustable");
                move(evidence, keys::contains, name, k -> {
                    String rest = k.substring(prefix.length());
                    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
                });
                refs.add(name);
            }
            return refs;
        }

        private void move(Map<String, Object> evidence, java.util.function.Predicate<String> shared, String block,
                          java.util.function.UnaryOperator<String> rename) {
            Map<String, Object> into = blocks.computeIfAbsent(block, b -> new java.util.LinkedHashMap<>());
            evidence.entrySet().removeIf(e -> {
                if (!shared.test(e.getKey())) {
                    return false;
                }
                into.putIfAbsent(rename.apply(e.getKey()), e.getValue());
                return true;
            });
        }

        void print(StringBuilder out) {
            if (blocks.isEmpty()) {
                return;
            }
            heading(out, 2, "Evidence");
            // one paragraph per workload, request and quota: the findings above point at them by these names
            blocks.forEach((name, entries) -> bullet(out, (style == Style.MARKDOWN ? "**" + prose(name) + "**" : prose(name))
                    + ": " + entries.entrySet().stream().filter(e -> !NAMED.contains(e.getKey()))
                    .map(e -> e.getKey() + " " + prose(readable(e.getValue()))).collect(Collectors.joining("; "))));
            out.append('\n');
        }
    }

    /**
     * Text that may hold outside text (names, messages, ids from AWS or a file), as this format shows it inert: in
     * Markdown every character that could open a link, an image, emphasis, code, HTML or a mention (Slack's
     * {@code <!channel>}) is escaped; plain text is printable as it is.
     */
    private String prose(String text) {
        return style == Style.MARKDOWN ? Markdown.escape(text) : text;
    }

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
