package com.quotadoctor.notification;

import com.quotadoctor.capacity.CapacityPlan;
import com.quotadoctor.capacity.Need;
import com.quotadoctor.diagnosis.Commands;
import com.quotadoctor.diagnosis.Format;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A capacity plan as one self-contained page (the same shell as {@link HtmlReport}): the filings first, then per
 * workload and region each quota's need beside what it applies, as bars whose lengths carry their values
 * ({@code data-need}, {@code data-limit}).
 */
public final class CapacityHtml {

    static final int BAR = 360;

    public String render(CapacityPlan plan) {
        Document doc = HtmlReport.page("Quota Doctor capacity plan");
        Element body = doc.body();
        body.appendElement("h1").text("Quota Doctor capacity plan: " + CapacityReport.headline(plan));
        body.appendElement("p").addClass("muted").text("Quotas as read at " + plan.judgedAt());
        if (!plan.filings().isEmpty()) {
            body.appendElement("h2").text("File (one request per quota)");
            Element list = body.appendElement("ol").attr("id", "plan");
            for (CapacityPlan.Filing f : plan.filings()) {
                Element item = list.appendElement("li");
                item.appendText(f.quotaCode() + " \"" + f.quotaName() + "\" in " + f.region()
                        + f.account().map(a -> ", account " + a).orElse("") + ": " + Format.text(f.value()));
                if (f.throughSupport()) {
                    item.appendElement("div").text("through the limit-increase form (AWS does not take bedrock-mantle "
                            + "increases in Service Quotas): ").appendElement("a")
                            .attr("href", Commands.limitIncreaseForm()).text(Commands.limitIncreaseForm());
                } else {
                    item.appendElement("pre").appendElement("code")
                            .text(Commands.requestIncrease(f.quotaCode(), f.value(), f.region()));
                }
                item.appendElement("div").addClass("muted").text("justification: " + CapacityReport.justification(f));
            }
        }
        body.appendElement("h2").text("Quotas");
        Element table = body.appendElement("table").addClass("needs");
        Element head = table.appendElement("tr");
        for (String h : new String[]{"workload", "region", "quota", "need against what applies", "verdict", "how"}) {
            head.appendElement("th").text(h);
        }
        for (Need n : plan.needs()) {
            Element row = table.appendElement("tr");
            row.appendElement("td").text(n.workload());
            row.appendElement("td").text(n.region() + n.account().map(a -> ", " + a).orElse(""));
            row.appendElement("td").text(n.measure() + n.quota().map(q -> ": " + q.code()).orElse(""));
            bars(row.appendElement("td"), n);
            row.appendElement("td").text(CapacityReport.verdict(n));
            row.appendElement("td").addClass("muted").text(n.arithmetic());
        }
        return doc.outerHtml();
    }

    /** Two bars on one scale: what the workloads need (sum, headroom-free) and what the quota applies. */
    private static void bars(Element cell, Need n) {
        double need = n.total();
        if (n.limit().isEmpty()) {
            cell.text(Format.text(Math.round(need)) + " needed; the value that applies was not read");
            return;
        }
        double limit = n.limit().get();
        double scale = Math.max(Math.max(need, limit), 1);
        Element svg = cell.appendElement("svg").attr("xmlns", "http://www.w3.org/2000/svg").addClass("bars")
                .attr("viewBox", "0 0 " + (BAR + 4) + " 30").attr("width", String.valueOf(BAR + 4)).attr("height", "30")
                .attr("data-need", HtmlReport.num(need)).attr("data-limit", HtmlReport.num(limit));
        svg.appendElement("title").text(Format.text(Math.round(need)) + " needed, " + Format.text(limit) + " applies");
        svg.appendElement("rect").addClass("limit").attr("x", "2").attr("y", "16").attr("height", "10")
                .attr("width", HtmlReport.num(BAR * limit / scale));
        svg.appendElement("rect").addClass(need > limit ? "over" : "need").attr("x", "2").attr("y", "3").attr("height", "10")
                .attr("width", HtmlReport.num(BAR * need / scale));
        cell.appendElement("div").addClass("muted").text(Format.text(Math.round(need)) + " needed / "
                + Format.text(limit) + " applies");
    }
}
