package com.quotadoctor.notification;

import com.quotadoctor.diagnosis.Format;
import com.quotadoctor.organization.AccountReport;
import com.quotadoctor.organization.CrossAccountMismatch;
import com.quotadoctor.organization.OrganizationReport;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The organisation sweep as one self-contained page (the {@link HtmlReport} shell): the calls failing under another
 * account's increase first, then an account × region table of what fails and what each account filed.
 */
public final class OrganizationHtml {

    public String render(OrganizationReport r) {
        Document doc = HtmlReport.page("Quota Doctor organisation sweep");
        Element body = doc.body();
        body.appendElement("h1").text("Quota Doctor organisation sweep");
        body.appendElement("p").addClass("title").text(OrganizationDigest.summary(r));
        if (!r.mismatches().isEmpty()) {
            body.appendElement("h2").text("Calls failing under another account's increase");
            body.appendElement("p").text("Quotas are per account: an increase never carries over to another account.");
            Element list = body.appendElement("ol").attr("id", "plan");
            for (CrossAccountMismatch m : r.mismatches()) {
                AccountReport.Throttled t = m.calls();
                AccountReport.Filed f = m.increase();
                Element item = list.appendElement("li");
                item.appendText("account " + m.failing() + ", " + t.region() + ", " + t.model() + ": "
                        + OrganizationDigest.calls(t) + " under " + f.quotaCode()
                        + (f.quotaName().isBlank() ? "" : " (" + f.quotaName() + ")") + ", raised in account "
                        + m.raisedIn() + " (request " + f.requestId() + ", " + f.status().name() + ", "
                        + Format.plain(f.desiredValue()) + "). Run in account " + m.failing()
                        + ", or move the workload to account " + m.raisedIn() + ":");
                item.appendElement("pre").appendElement("code").text(m.command());
            }
        }
        body.appendElement("h2").text("Accounts");
        Element table = body.appendElement("table").addClass("accounts");
        Element head = table.appendElement("tr");
        for (String h : new String[]{"account", "verdict", "failing", "filed"}) {
            head.appendElement("th").text(h);
        }
        for (AccountReport a : r.accounts()) {
            Element row = table.appendElement("tr");
            row.appendElement("td").text(a.account());
            row.appendElement("td").addClass(a.severity().name())
                    .text(a.unreadable().map(u -> "not read: " + u).orElse(a.verdict().orElse("–")));
            Element failing = row.appendElement("td");
            a.throttled().forEach(t -> failing.appendElement("div").text(t.region() + " · " + t.model() + " · "
                    + OrganizationDigest.calls(t) + t.quotaCode().map(c -> " · " + c).orElse("")));
            Element filed = row.appendElement("td");
            a.increases().forEach(f -> filed.appendElement("div").text(f.region() + " · " + f.quotaCode() + " · "
                    + f.status().name() + " " + Format.plain(f.desiredValue())));
        }
        return doc.outerHtml();
    }
}
