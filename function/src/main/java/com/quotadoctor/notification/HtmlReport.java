package com.quotadoctor.notification;

import com.quotadoctor.diagnosis.Assessment;
import com.quotadoctor.diagnosis.Demand;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.diagnosis.Finding;
import com.quotadoctor.diagnosis.Format;
import com.quotadoctor.diagnosis.PlanStep;
import com.quotadoctor.diagnosis.Situation;
import com.quotadoctor.diagnosis.Workload;
import com.quotadoctor.domain.Endpoint;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.LoweredQuota;
import com.quotadoctor.domain.ModelName;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMatcher;
import com.quotadoctor.domain.QuotaMetric;
import com.quotadoctor.domain.RegionEvidence;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The diagnosis as one self-contained HTML page: verdict and plan first, then per failing workload a chart of its
 * tokens per minute against the governing quota with the throttles and the increase requests on the same time axis,
 * then a region × family table of the model's applied values and requests. No script, no font, no request leaves the
 * file. Built as a jsoup DOM, so every outside string (model ids, messages, quota names) reaches the page as escaped
 * text or attribute, never as markup; links are kept only when they are https.
 *
 * <p>Every chart point carries its minute and value ({@code data-t}, {@code data-v}) beside its position, so a test in a
 * real browser can read the drawn values back and hold them to the snapshot.
 */
public final class HtmlReport {

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int LEFT = 96;
    static final int TOP = 16;
    static final int PLOT_WIDTH = WIDTH - LEFT - 16;
    static final int PLOT_HEIGHT = HEIGHT - TOP - 40;

    private static final List<InferenceFamily> FAMILIES = List.of(InferenceFamily.ON_DEMAND, InferenceFamily.CROSS_REGION,
            InferenceFamily.GLOBAL, InferenceFamily.MANTLE);

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:60rem;\
            color:#1b1f24;padding:0 1rem}
            h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
            .title{font-size:1.1rem;margin-top:0}.muted{color:#57606a}
            .CRITICAL{color:#a40e26}.WARNING{color:#9a6700}.INFO{color:#0550ae}
            pre{background:#f6f8fa;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
            p,li,td,h1,h2,h3{overflow-wrap:anywhere}
            table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;\
            text-align:left;vertical-align:top}
            .kind{font-family:ui-monospace,monospace;font-size:.85rem;background:#eaeef2;padding:0 .3rem}
            svg{background:#fff;border:1px solid #d0d7de}
            .tokens{fill:none;stroke:#0969da;stroke-width:1.5}.point{fill:#0969da}
            .quota{stroke:#1a7f37;stroke-width:1.5;stroke-dasharray:6 3}.throttle{fill:#cf222e}
            circle.quota-before{fill:#1a7f37}.lowered{fill:#8c959f;fill-opacity:.18}
            .request{stroke:#8250df;stroke-width:1}.axis{stroke:#57606a}.label{font-size:11px;fill:#57606a}
            .need{fill:#0969da}.limit{fill:#d0d7de}.over{fill:#cf222e}
            """;

    public String render(Diagnostician.Judgement judgement) {
        Diagnosis d = judgement.diagnosis();
        Situation s = judgement.situation();
        Document doc = page("Quota Doctor: " + d.verdict().name());
        Element body = doc.body();

        body.appendElement("h1").text("Quota Doctor verdict: " + d.verdict().name());
        d.findings().stream().findFirst().ifPresent(f -> body.appendElement("p").addClass("title").text(f.title()));
        body.appendElement("p").addClass("muted").text("Judged at " + d.judgedAt() + " · attempt " + d.attempt()
                + " · fingerprint " + d.fingerprint());

        plan(body, d.plan());
        d.justification().ifPresent(j -> {
            body.appendElement("h2").text("Justification");
            body.appendElement("p").text(j);
        });
        workloads(body, s, d.findings());
        findings(body, d.findings());
        gaps(body, d.evidenceGaps());
        return doc.outerHtml();
    }

    /** The shell every report shares: no script, no outside fetch, no inline handler; the page holds only what it shows. */
    static Document page(String title) {
        Document doc = Document.createShell("");
        doc.prependChild(new org.jsoup.nodes.DocumentType("html", "", ""));
        doc.selectFirst("html").attr("lang", "en");
        doc.outputSettings().prettyPrint(true).charset("UTF-8");
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.head().appendElement("meta").attr("http-equiv", "Content-Security-Policy")
                .attr("content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        doc.title(title);
        doc.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(STYLE));
        return doc;
    }

    private static void plan(Element body, List<PlanStep> plan) {
        body.appendElement("h2").text("Plan");
        if (plan.isEmpty()) {
            body.appendElement("p").text("Nothing to do.");
            return;
        }
        Element list = body.appendElement("ol").attr("id", "plan");
        for (PlanStep step : plan) {
            Element item = list.appendElement("li");
            item.appendElement("span").addClass("kind").text(step.kind().wire());
            item.appendText(" " + step.action());
            step.command().ifPresent(c -> item.appendElement("pre").appendElement("code").text(c));
            for (String link : step.links()) {
                if (link.startsWith("https://")) {
                    item.appendElement("div").appendElement("a").attr("href", link).attr("rel", "noreferrer").text(link);
                }
            }
            if (!step.why().isBlank()) {
                item.appendElement("div").addClass("muted").text("why: " + step.why());
            }
        }
    }

    private static void workloads(Element body, Situation s, List<Finding> findings) {
        List<Workload> shown = s.workloads().stream().filter(Workload::isFailing).toList();
        if (shown.isEmpty()) {
            shown = s.workloads();
        }
        for (Workload w : shown) {
            body.appendElement("h2").text(w.invokedId() + " in " + w.region() + w.account().map(a -> ", account " + a)
                    .orElse("") + (w.endpoint() == Endpoint.MANTLE ? " (bedrock-mantle)" : ""));
            chart(body, s, w);
            dayChart(body, s, w, findings);
            families(body, s, w);
        }
    }

    /** Tokens per minute over the recent window, the governing quota's value, throttles and requests on one axis. */
    private static void chart(Element body, Situation s, Workload w) {
        Instant end = s.now();
        Instant window = end.minus(s.settings().recentWindow());
        List<Demand.Minute> minutes = Demand.minutes(seriesId(w), traffic(s, w), w.endpoint() == Endpoint.MANTLE)
                .stream().filter(m -> !m.at().isBefore(window) && !m.at().isAfter(end)).toList();
        // the line is the per-minute quota the points are measured against (a daily quota binds per day: not drawn)
        Optional<Quota> quota = w.governing(QuotaMetric.TOKENS_PER_MINUTE);
        Optional<Double> limit = quota.flatMap(Quota::effectiveValue);
        List<IncreaseRequest> requests = s.assessments().stream()
                .filter(a -> a.workload().map(w::equals).orElse(false)).map(Assessment::request).distinct().toList();
        // the watcher saw this quota fall (QUOTA_LOWERED): the line steps down somewhere between its two reads
        Optional<LoweredQuota> fell = quota.flatMap(q -> s.request().lowered(q, w.account()));
        // the axis spans what there is to show: the first minute read, or an earlier request event inside the window
        Instant start = Stream.concat(minutes.stream().map(m -> m.at().minusSeconds(60)), requests.stream()
                        .flatMap(r -> Stream.of(r.created(), r.lastUpdated())).flatMap(Optional::stream))
                .filter(t -> t.isBefore(end)).min(Instant::compareTo).filter(t -> t.isAfter(window)).orElse(window);
        if (minutes.isEmpty()) {
            body.appendElement("p").addClass("muted").text("No per-minute metrics of these calls were read in "
                    + w.region() + " over the last " + Format.age(s.settings().recentWindow()) + ".");
        } else {
            double top = Math.max(minutes.stream().mapToDouble(Demand.Minute::tokens).max().orElse(0),
                    limit.orElse(0.0)) * 1.1;
            double ymax = top <= 0 ? 1 : top;
            Axis axis = new Axis(start, end, ymax);
            Element svg = plot(body, "chart", axis, (w.endpoint() == Endpoint.MANTLE ? "Input tokens" : "Settled tokens")
                    + " per minute of " + w.invokedId() + " in " + w.region()
                    + limit.map(v -> " against " + quota.get().code() + " at " + Format.text(v)).orElse(""));
            StringBuilder points = new StringBuilder();
            for (Demand.Minute m : minutes) {
                points.append(num(axis.x(m.at()))).append(',').append(num(axis.y(m.tokens()))).append(' ');
            }
            svg.appendElement("polyline").addClass("tokens").attr("points", points.toString().trim());
            for (Demand.Minute m : minutes) {
                svg.appendElement("circle").addClass("point").attr("r", "2.5")
                        .attr("cx", num(axis.x(m.at()))).attr("cy", num(axis.y(m.tokens())))
                        .attr("data-t", String.valueOf(m.at().getEpochSecond())).attr("data-v", num(m.tokens()))
                        .appendElement("title").text(m.at() + ": " + Format.text(Math.round(m.tokens())) + " tokens");
                if (m.throttles() > 0) {
                    svg.appendElement("rect").addClass("throttle").attr("width", "4").attr("height", "8")
                            .attr("x", num(axis.x(m.at()) - 2)).attr("y", String.valueOf(TOP + PLOT_HEIGHT - 8))
                            .attr("data-t", String.valueOf(m.at().getEpochSecond()))
                            .attr("data-throttles", num(m.throttles()))
                            .appendElement("title").text(m.at() + ": " + Format.text(m.throttles()) + " throttled");
                }
            }
            limit.ifPresent(v -> line(svg, "quota", LEFT, axis.y(v), LEFT + PLOT_WIDTH, axis.y(v))
                    .attr("data-v", num(v)).appendElement("title").text(quota.get().code() + " applies " + Format.text(v)));
            String drawn = fell.map(l -> lowered(svg, axis, l)).orElse("");
            for (IncreaseRequest r : requests) {
                marker(svg, axis, r.created(), "created", r);
                marker(svg, axis, r.lastUpdated(), r.rawStatus().toLowerCase(Locale.ROOT), r);
            }
            body.appendElement("p").addClass("muted").text((w.endpoint() == Endpoint.MANTLE
                    ? "Blue: input tokens per minute (AWS/BedrockMantle)"
                    : "Blue: settled tokens per minute (input + cache write + output × " + w.model().outputBurndown()
                    + ")") + "; red: minutes with " + (w.endpoint() == Endpoint.MANTLE ? "4xx answers" : "throttles")
                    + limit.map(v -> "; green: " + quota.get().code() + " at " + Format.text(v)).orElse("") + drawn
                    + (requests.isEmpty() ? "" : "; purple: increase requests (created, last updated)") + ".");
        }
        if (!requests.isEmpty()) {
            Element table = body.appendElement("table").addClass("requests");
            Element head = table.appendElement("tr");
            for (String h : List.of("request", "quota", "region", "desired", "status", "created", "last updated")) {
                head.appendElement("th").text(h);
            }
            for (IncreaseRequest r : requests) {
                Element row = table.appendElement("tr");
                row.appendElement("td").text(r.id());
                row.appendElement("td").text(r.quotaCode() + " " + r.quotaName());
                row.appendElement("td").text(r.region());
                row.appendElement("td").text(Format.text(r.desiredValue()));
                row.appendElement("td").text(r.rawStatus());
                row.appendElement("td").text(r.created().map(Instant::toString).orElse("unknown"));
                row.appendElement("td").text(r.lastUpdated().map(Instant::toString).orElse("unknown"));
            }
        }
    }

    /**
     * When a daily quota governs these calls and matters here: the settled tokens summed over the 24 hours before capture, against the
     * daily value these calls get (doubled for cross-region calls of the shared on-demand quota), as the diagnosis
     * counts them.
     */
    private static void dayChart(Element body, Situation s, Workload w, List<Finding> findings) {
        // drawn where the day matters: the errors name a daily quota, or a finding is about this one
        Optional<Quota> daily = (w.endpoint() == Endpoint.MANTLE ? Optional.<Quota>empty() : w.tightestDaily())
                .filter(q -> w.boundMetric().map(QuotaMetric::isDaily).orElse(false) || findings.stream()
                        .anyMatch(f -> f.quotaCode().map(q.code()::equalsIgnoreCase).orElse(false)
                                && f.region().map(w.region()::equals).orElse(true)
                                && (f.account().isEmpty() || w.account().isEmpty() || f.account().equals(w.account()))));
        if (daily.isEmpty()) {
            return;
        }
        Instant end = s.now();
        Instant start = end.minus(java.time.Duration.ofDays(1));
        List<Demand.Accrued> day = Demand.day(seriesId(w), traffic(s, w), end);
        double applied = daily.get().effectiveValue().orElse(0.0);
        double limit = w.dailyDoubled(daily.get()) ? 2 * applied : applied;
        if (day.isEmpty()) {
            body.appendElement("p").addClass("muted").text("No token metrics of these calls were read over the 24 h "
                    + "before " + end + ", so the use of " + daily.get().code() + " (" + Format.text(limit)
                    + " a day for these calls) is not drawn.");
            return;
        }
        double total = day.get(day.size() - 1).tokens();
        Axis axis = new Axis(start, end, Math.max(1, Math.max(total, limit) * 1.1));
        Element svg = plot(body, "chart-day", axis, "Settled tokens over the 24 h before " + end + " against "
                + daily.get().code() + " at " + Format.text(limit) + " for these calls");
        // flat where no period was read (CloudWatch keeps no datapoint for a period without calls), rising across each
        StringBuilder points = new StringBuilder();
        double sofar = 0;
        Instant last = start;
        for (Demand.Accrued a : day) {
            Instant from = a.since().isBefore(last) ? last : a.since();
            points.append(num(axis.x(last))).append(',').append(num(axis.y(sofar))).append(' ')
                    .append(num(axis.x(from))).append(',').append(num(axis.y(sofar))).append(' ');
            sofar = a.tokens();
            last = a.at();
        }
        points.append(num(axis.x(last))).append(',').append(num(axis.y(sofar)));
        svg.appendElement("polyline").addClass("tokens").attr("points", points.toString());
        for (Demand.Accrued a : day) {
            svg.appendElement("circle").addClass("point").attr("r", "2.5").attr("cx", num(axis.x(a.at())))
                    .attr("cy", num(axis.y(a.tokens()))).attr("data-t", String.valueOf(a.at().getEpochSecond()))
                    .attr("data-v", num(a.tokens()))
                    .appendElement("title").text(a.at() + ": " + Format.text(Math.round(a.tokens())) + " tokens so far");
        }
        line(svg, "quota", LEFT, axis.y(limit), LEFT + PLOT_WIDTH, axis.y(limit)).attr("data-v", num(limit))
                .appendElement("title").text(daily.get().code() + ": " + Format.text(limit) + " tokens a day for these calls");
        body.appendElement("p").addClass("muted").text("Blue: settled tokens summed over the 24 h before " + end + " ("
                + Format.text(Math.round(total)) + " in all" + (limit > 0 ? ", " + Format.percent(total, limit)
                + " of the daily value" : "") + "); green: " + daily.get().code() + " at " + Format.text(limit)
                + " a day for these calls" + (w.dailyDoubled(daily.get()) ? " (the applied " + Format.text(applied)
                + ", doubled for cross-region calls)" : "") + ". AWS does not document whether the day is rolling or a "
                + "UTC day.");
    }

    /**
     * Where a lowered quota fell: a band between the watcher's two reads (AWS does not say when inside it), clipped to
     * the axis, and the old value where it was read, at the top edge when it is far above the scale. Returns the
     * legend's words for what it drew.
     */
    private static String lowered(Element svg, Axis axis, LoweredQuota l) {
        Instant from = l.seenAt().isBefore(axis.start) ? axis.start : l.seenAt();
        Instant to = l.observedAt().isAfter(axis.end) ? axis.end : l.observedAt();
        boolean band = to.isAfter(from);
        if (band) {
            svg.appendElement("rect").addClass("lowered").attr("x", num(axis.x(from))).attr("y", String.valueOf(TOP))
                    .attr("width", num(axis.x(to) - axis.x(from))).attr("height", String.valueOf(PLOT_HEIGHT))
                    .attr("data-t0", String.valueOf(l.seenAt().getEpochSecond()))
                    .attr("data-t1", String.valueOf(l.observedAt().getEpochSecond()))
                    .attr("data-from", num(l.from())).attr("data-to", num(l.to()))
                    .appendElement("title").text(l.quotaCode() + " fell from " + Format.text(l.from()) + " to "
                            + Format.text(l.to()) + " between " + l.seenAt() + " and " + l.observedAt());
        }
        boolean dot = !l.seenAt().isBefore(axis.start) && !l.seenAt().isAfter(axis.end);
        if (dot) {
            boolean offScale = l.from() > axis.ymax;
            double y = offScale ? TOP : axis.y(l.from());
            svg.appendElement("circle").addClass("quota-before").attr("r", "3").attr("cx", num(axis.x(l.seenAt())))
                    .attr("cy", num(y)).attr("data-v", num(l.from())).attr("data-t", String.valueOf(l.seenAt().getEpochSecond()))
                    .attr("data-off-scale", String.valueOf(offScale))
                    .appendElement("title").text(l.quotaCode() + " applied " + Format.text(l.from()) + " at " + l.seenAt()
                            + (offScale ? " (above the scale)" : ""));
        }
        return "; " + l.quotaCode() + " fell from " + Format.text(l.from()) + " to " + Format.text(l.to()) + " between "
                + l.seenAt() + " and " + l.observedAt() + " (two reads of the request watcher"
                + (band ? "; the grey band" : l.observedAt().isAfter(axis.start) ? "" : "; before this chart") + ")"
                + (dot ? "; green dot: the " + Format.text(l.from()) + " read at " + l.seenAt() : "");
    }

    /** A chart's frame: the SVG with its scale in data attributes, its title, axes and end labels. */
    private static Element plot(Element body, String cls, Axis axis, String title) {
        Element svg = body.appendElement("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("class", cls).attr("role", "img").attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT)
                .attr("width", String.valueOf(WIDTH)).attr("height", String.valueOf(HEIGHT))
                .attr("data-start", String.valueOf(axis.start.getEpochSecond()))
                .attr("data-end", String.valueOf(axis.end.getEpochSecond())).attr("data-ymax", num(axis.ymax));
        svg.appendElement("title").text(title);
        line(svg, "axis", LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH, TOP + PLOT_HEIGHT);
        line(svg, "axis", LEFT, TOP, LEFT, TOP + PLOT_HEIGHT);
        label(svg, LEFT - 6, TOP + 10, "end", Format.text(Math.round(axis.ymax)));
        label(svg, LEFT - 6, TOP + PLOT_HEIGHT, "end", "0");
        label(svg, LEFT, HEIGHT - 8, "start", axis.start.toString());
        label(svg, LEFT + PLOT_WIDTH, HEIGHT - 8, "end", axis.end.toString());
        return svg;
    }

    /** The id the calls' series are kept under: an application profile's ARN, else the model id. */
    private static com.quotadoctor.domain.ModelId seriesId(Workload w) {
        return w.profile().map(p -> com.quotadoctor.domain.ModelId.parse(p.arn())).orElse(w.model());
    }

    /** The region's series of this workload's account (a member's series read through its role are its own). */
    private static List<com.quotadoctor.domain.MetricSeries> traffic(Situation s, Workload w) {
        return s.evidence().region(w.region()).map(r -> r.metrics().stream()
                .filter(m -> m.of(w.account(), s.evidence().callerAccount())).toList()).orElse(List.of());
    }

    private static void marker(Element svg, Axis axis, Optional<Instant> when, String what, IncreaseRequest r) {
        if (when.isEmpty() || when.get().isBefore(axis.start) || when.get().isAfter(axis.end)) {
            return; // outside the window: the table below says when
        }
        double x = axis.x(when.get());
        line(svg, "request", x, TOP, x, TOP + PLOT_HEIGHT).attr("data-t", String.valueOf(when.get().getEpochSecond()))
                .appendElement("title").text("request " + r.id() + " " + what + " at " + when.get());
    }

    /** The model's tokens-per-minute quota in each region read and each family, with the requests for it. */
    private static void families(Element body, Situation s, Workload w) {
        Optional<ModelName> name = w.model().name();
        if (name.isEmpty()) {
            return;
        }
        Element table = body.appendElement("table").addClass("families");
        Element head = table.appendElement("tr");
        head.appendElement("th").text("region");
        FAMILIES.forEach(f -> head.appendElement("th").text(f.label()));
        List<RegionEvidence> regions = new ArrayList<>(s.evidence().regions().values());
        for (RegionEvidence r : regions) {
            List<Quota> catalogue = r.quotasFor(w.account());
            if (catalogue.isEmpty()) {
                continue;
            }
            Element row = table.appendElement("tr");
            row.appendElement("td").text(r.region());
            for (InferenceFamily family : FAMILIES) {
                Optional<Quota> q = QuotaMatcher.best(name.get(), family, QuotaMetric.TOKENS_PER_MINUTE, catalogue).quota();
                Element cell = row.appendElement("td");
                if (q.isEmpty()) {
                    cell.addClass("muted").text("–");
                    continue;
                }
                cell.text(q.get().code() + ": " + q.get().effectiveValue().map(Format::text).orElse("not read"));
                r.requests().stream().filter(req -> req.quotaCode().equalsIgnoreCase(q.get().code()))
                        .forEach(req -> cell.appendElement("div").addClass("muted").text(req.rawStatus() + " "
                                + Format.text(req.desiredValue()) + " (" + req.id() + ")"));
            }
        }
    }

    private static void findings(Element body, List<Finding> findings) {
        body.appendElement("h2").text("Findings");
        int i = 0;
        for (Finding f : findings) {
            Element section = body.appendElement("section").addClass("finding");
            section.appendElement("h3").text(++i + ". " + f.code().name() + " ").appendElement("span")
                    .addClass(f.severity().name()).text("[" + f.severity().name() + "] " + f.title());
            section.appendElement("p").text(f.explanation());
            if (!f.evidence().isEmpty()) {
                Element list = section.appendElement("ul").addClass("evidence");
                f.evidence().forEach((k, v) -> list.appendElement("li").text(k + ": " + v));
            }
        }
    }

    private static void gaps(Element body, List<EvidenceGap> gaps) {
        if (gaps.isEmpty()) {
            return;
        }
        body.appendElement("h2").text("What could not be read");
        Element list = body.appendElement("ul");
        gaps.forEach(g -> list.appendElement("li").text(g.regionsText() + " · " + g.source() + " · " + g.code() + ": "
                + g.message()));
    }

    private static Element line(Element svg, String cls, double x1, double y1, double x2, double y2) {
        return svg.appendElement("line").addClass(cls).attr("x1", num(x1)).attr("y1", num(y1)).attr("x2", num(x2))
                .attr("y2", num(y2));
    }

    private static void label(Element svg, double x, double y, String anchor, String text) {
        svg.appendElement("text").addClass("label").attr("x", num(x)).attr("y", num(y)).attr("text-anchor", anchor)
                .text(text);
    }

    static String num(double v) {
        return Math.rint(v) == v && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The plot's scale: time across, tokens per minute up. */
    record Axis(Instant start, Instant end, double ymax) {

        double x(Instant t) {
            double span = Math.max(1, end.getEpochSecond() - start.getEpochSecond());
            return LEFT + PLOT_WIDTH * (t.getEpochSecond() - start.getEpochSecond()) / span;
        }

        double y(double v) {
            return TOP + PLOT_HEIGHT * (1 - v / ymax);
        }
    }
}
