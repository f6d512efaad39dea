package com.quotadoctor.notification;

import com.quotadoctor.capacity.CapacityPlan;
import com.quotadoctor.capacity.Need;
import com.quotadoctor.diagnosis.Commands;
import com.quotadoctor.diagnosis.Format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A capacity plan for people (text, Markdown) and spreadsheets (CSV): the requests to file first, each with its command
 * and a justification ready to paste; then every governing quota with the need, the applied value, the verdict and the
 * arithmetic behind the need.
 */
public final class CapacityReport {

    public enum Style { TEXT, MARKDOWN }

    private final Style style;

    public CapacityReport(Style style) {
        this.style = style;
    }

    public String render(CapacityPlan plan) {
        StringBuilder out = new StringBuilder();
        List<CapacityPlan.Filing> filings = plan.filings();
        String verdict = headline(plan);
        heading(out, 1, "Quota Doctor capacity plan: " + verdict);
        out.append("Quotas as read at ").append(plan.judgedAt()).append("\n\n");
        if (!filings.isEmpty()) {
            heading(out, 2, "File (one request per quota)");
            int i = 0;
            for (CapacityPlan.Filing f : filings) {
                out.append(++i).append(". ").append(f.quotaCode()).append(" \"").append(prose(f.quotaName())).append("\" in ")
                        .append(f.region()).append(f.account().map(a -> ", account " + a)
                                .orElse("")).append(": ").append(Format.text(f.value())).append('\n');
                if (f.throughSupport()) {
                    out.append("   through the limit-increase form (AWS does not take bedrock-mantle increases in "
                            + "Service Quotas): ").append(Commands.limitIncreaseForm()).append('\n');
                } else {
                    code(out, Commands.requestIncrease(f.quotaCode(), f.value(), f.region()));
                    out.append("   console: ").append(Commands.quotaConsole(f.quotaCode(), f.region())).append('\n');
                }
                out.append("   justification: ").append(prose(justification(f))).append("\n\n");
            }
        }
        heading(out, 2, "Quotas");
        String last = "";
        for (Need n : plan.needs()) {
            String head = n.workload() + " in " + n.region() + n.account().map(a -> ", account " + a).orElse("");
            if (!head.equals(last)) {
                String gap = last.isEmpty() ? "" : "\n";
                out.append(style == Style.MARKDOWN ? gap + "**" + prose(head) + "**\n\n" : gap + head + "\n");
                last = head;
            }
            out.append(style == Style.MARKDOWN ? "- " : "  ").append(prose(line(n))).append('\n');
            out.append(style == Style.MARKDOWN ? "  - " : "      ").append(prose(n.arithmetic())).append('\n');
            n.coveredBy().ifPresent(r -> out.append(style == Style.MARKDOWN ? "  - " : "      ").append("request ")
                    .append(r.id()).append(" (").append(r.status().name()).append(", desired ")
                    .append(Format.text(r.desiredValue())).append(n.verdict() == Need.Verdict.COVERED
                            ? ") already asks enough: wait for it\n"
                            : ") asks less than the " + Format.text(Math.round(n.total())) + " needed, and AWS takes one "
                            + "open request per quota: wait for its decision, then file the rest (or ask Support to "
                            + "amend the case)\n"));
            n.alternative().ifPresent(a -> out.append(style == Style.MARKDOWN ? "  - " : "      ").append(prose(a))
                    .append('\n'));
        }
        if (!plan.notes().isEmpty()) {
            out.append('\n');
            heading(out, 2, "Notes");
            plan.notes().forEach(note -> out.append(style == Style.MARKDOWN ? "- " : "  - ").append(prose(note)).append('\n'));
        }
        if (!plan.gaps().isEmpty()) {
            out.append('\n');
            heading(out, 2, "Not read");
            plan.gaps().forEach(g -> out.append(style == Style.MARKDOWN ? "- " : "  - ")
                    .append(prose(g.where() + " (" + g.code() + "): " + g.message())).append('\n'));
        }
        return out.toString();
    }

    private static void count(List<String> parts, long n, String words) {
        if (n > 0) {
            parts.add(n + " " + (parts.isEmpty() ? "quota" + (n == 1 ? " " : "s ") : "") + words);
        }
    }

    /** One quota in one line: measure, code, need, limit, default, verdict. */
    /** The plan in one phrase: what must be raised, can't be, or was not judged; else that everything fits. */
    static String headline(CapacityPlan plan) {
        List<CapacityPlan.Filing> filings = plan.filings();
        List<String> parts = new java.util.ArrayList<>();
        if (!filings.isEmpty()) {
            parts.add(filings.size() + " quota" + (filings.size() == 1 ? "" : "s") + " to raise");
        }
        count(parts, plan.count(Need.Verdict.NOT_ADJUSTABLE), "that can't be raised");
        count(parts, plan.count(Need.Verdict.OPEN_REQUEST_SHORT), "with an open request asking too little");
        count(parts, plan.count(Need.Verdict.UNKNOWN) + plan.count(Need.Verdict.NO_QUOTA), "not judged");
        count(parts, plan.count(Need.Verdict.COVERED), "covered by an open request");
        return plan.needsAction() ? String.join(", ", parts)
                : "every governing quota fits" + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    /** "fits (40 % headroom)", "raise to 1,100,000", or the verdict's own words. */
    static String verdict(Need n) {
        return switch (n.verdict()) {
            case FITS -> "fits" + n.headroom().map(h -> " (" + (int) Math.floor(h * 100) + " % headroom"
                    + (h < 0.2 ? ": tight" : "") + ")").orElse("");
            case RAISE -> "raise to " + Format.text(n.ask().orElseThrow());
            default -> n.verdict().words();
        };
    }

    static String line(Need n) {
        String quota = n.quota().map(q -> q.code()).orElse("(none)");
        String limit = n.limit().map(Format::text).orElse("not read");
        Optional<Double> own = n.quota().flatMap(q -> q.effectiveValue());
        String dflt = own.isPresent() && n.limit().isPresent() && !own.equals(n.limit())
                ? " (" + Format.text(own.get()) + " doubled for cross-region calls)"
                : n.quota().flatMap(q -> q.awsDefault()).map(d -> " (default " + Format.text(d) + ")").orElse("");
        String verdict = verdict(n);
        if (n.quota().isEmpty()) {
            return n.measure() + ": " + verdict + (n.verdict() == Need.Verdict.NO_QUOTA ? " (needs "
                    + Format.text(Math.round(n.needed())) + ")" : "");
        }
        return n.measure() + ": " + quota + " needs " + Format.text(Math.round(n.needed())) + ", applies " + limit + dflt
                + " → " + verdict;
    }

    /** What to paste into the request: the workloads, their arithmetic and the value's basis. */
    public static String justification(CapacityPlan.Filing f) {
        StringBuilder out = new StringBuilder("Planned launch");
        for (Need n : f.answers()) {
            out.append("; workload ").append(n.workload()).append(" in ").append(n.region()).append(": ")
                    .append(n.arithmetic());
        }
        Need first = f.answers().get(0);
        double total = first.total();
        double sized = com.quotadoctor.diagnosis.Asking.forNeed(total);
        String basis = f.value() > sized ? "the AWS default " + Format.text(f.value()) + ", above the need"
                + (f.answers().size() > 1 ? "s together" : "") + " (" + Format.text(Math.round(total)) + ") + 25 %"
                : "the need" + (f.answers().size() > 1 ? "s together" : "") + " (" + Format.text(Math.round(total))
                + ") + 25 %, rounded up";
        return out.append(". Asking ").append(Format.text(f.value())).append(" for ").append(f.quotaCode())
                .append(" in ").append(f.region()).append(": ").append(basis).append("; it applies ")
                .append(first.limit().map(Format::text).orElse("an unread value")).append(" today.").toString();
    }

    /** One row per governing quota, RFC 4180 quoting; a cell that could start a formula is prefixed with '. */
    public static String csv(CapacityPlan plan) {
        StringBuilder out = new StringBuilder("workload,region,account,measure,quota_code,quota_name,needed,"
                + "needed_together,applied,default,verdict,ask,arithmetic\r\n");
        for (Need n : plan.needs()) {
            out.append(String.join(",", cell(n.workload()), cell(n.region()), cell(n.account().orElse("")),
                    cell(n.measure()), cell(n.quota().map(q -> q.code()).orElse("")),
                    cell(n.quota().map(q -> q.name()).orElse("")), number(n.needed()), number(n.total()),
                    n.limit().map(CapacityReport::number).orElse(""),
                    n.quota().flatMap(q -> q.awsDefault()).map(CapacityReport::number).orElse(""),
                    cell(n.verdict().name().toLowerCase(Locale.ROOT)), n.ask().map(CapacityReport::number).orElse(""),
                    cell(n.arithmetic()))).append("\r\n");
        }
        return out.toString();
    }

    private static String number(double value) {
        return Long.toString(Math.round(value));
    }

    private static String cell(String text) {
        String safe = text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private void heading(StringBuilder out, int level, String text) {
        if (style == Style.MARKDOWN) {
            out.append("#".repeat(level)).append(' ').append(prose(text)).append("\n\n");
        } else {
            out.append(text).append('\n').append((level == 1 ? "=" : "-").repeat(text.length())).append("\n\n");
        }
    }

    private void code(StringBuilder out, String command) {
        out.append(style == Style.MARKDOWN ? "\n   ```sh\n   " + command + "\n   ```\n" : "   $ " + command + "\n");
    }

    private String prose(String text) {
        return style == Style.MARKDOWN ? Markdown.escape(text) : text;
    }
}
