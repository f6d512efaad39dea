package com.quotadoctor.organization;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Severity;
import com.quotadoctor.domain.AccountId;
import com.quotadoctor.domain.RequestStatus;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.WireNode;

import java.util.Locale;

/**
 * The {@code accountReport} of the contract: what a sweep item's Diagnose step writes and the reduction reads back
 * from the map run's results. One codec, both directions.
 */
public final class AccountReportJson {

    private AccountReportJson() {
    }

    public static ObjectNode write(AccountReport r) {
        ObjectNode json = JsonTree.NODES.objectNode();
        json.put("account", r.account());
        r.verdict().ifPresent(v -> json.put("verdict", v));
        json.put("severity", r.severity().name());
        r.fingerprint().ifPresent(f -> json.put("fingerprint", f));
        ArrayNode throttled = json.putArray("throttled");
        for (AccountReport.Throttled t : r.throttled()) {
            ObjectNode n = throttled.addObject();
            n.put("region", t.region());
            n.put("model", t.model());
            t.quotaCode().ifPresent(q -> n.put("quotaCode", q));
            t.quotaName().ifPresent(q -> n.put("quotaName", q));
            n.put("failedCalls", t.failedCalls());
            n.put("throttles", t.throttles());
        }
        ArrayNode increases = json.putArray("increases");
        for (AccountReport.Filed f : r.increases()) {
            ObjectNode n = increases.addObject();
            n.put("requestId", f.requestId());
            n.put("region", f.region());
            n.put("quotaCode", f.quotaCode());
            n.put("quotaName", f.quotaName());
            n.put("status", f.status().name());
            n.put("desiredValue", f.desiredValue());
        }
        ArrayNode gaps = json.putArray("gaps");
        r.gaps().forEach(gaps::add);
        r.unreadable().ifPresent(u -> json.put("unreadable", u));
        return json;
    }

    /** @throws com.quotadoctor.json.ShapeException naming the field that is missing or malformed */
    public static AccountReport read(WireNode json) {
        String account = json.field("account").requiredText();
        if (!AccountId.isValid(account)) {
            throw json.field("account").problem("expected a 12-digit account id, got '" + account + "'");
        }
        String severity = json.field("severity").text().orElse("WARNING").toUpperCase(Locale.ROOT);
        Severity level;
        try {
            level = Severity.valueOf(severity);
        } catch (IllegalArgumentException e) {
            throw json.field("severity").problem("expected CRITICAL, WARNING or INFO, got '" + severity + "'");
        }
        return new AccountReport(account, json.field("verdict").text(), level, json.field("fingerprint").text(),
                json.field("throttled").list(t -> new AccountReport.Throttled(t.field("region").requiredText(),
                        t.field("model").requiredText(), t.field("quotaCode").text(), t.field("quotaName").text(),
                        (int) t.field("failedCalls").number().orElse(0.0).doubleValue(),
                        t.field("throttles").number().orElse(0.0))),
                json.field("increases").list(f -> new AccountReport.Filed(f.field("requestId").requiredText(),
                        f.field("region").requiredText(), f.field("quotaCode").requiredText(),
                        f.field("quotaName").text().orElse(""), RequestStatus.fromWire(f.field("status").requiredText()),
                        f.field("desiredValue").requiredNumber())),
                json.field("gaps").list(WireNode::requiredText), json.field("unreadable").text());
    }
}
