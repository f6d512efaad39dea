package com.quotadoctor.organization;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Severity;
import com.quotadoctor.json.JsonTree;

/**
 * The {@code organization} report of the contract: counts, the cross-account mismatches with their fix, and the
 * accounts (all of them in the report kept in S3; those needing action, up to a bound, in the workflow's state).
 */
public final class OrganizationReportJson {

    private OrganizationReportJson() {
    }

    /** @param accounts how many accounts needing action to list; {@code Integer.MAX_VALUE} lists every account */
    public static ObjectNode write(OrganizationReport r, int accounts) {
        ObjectNode json = JsonTree.NODES.objectNode();
        json.put("severity", r.severity().name());
        ObjectNode counts = json.putObject("counts");
        counts.put("accounts", r.accounts().size());
        counts.put("critical", r.count(Severity.CRITICAL));
        counts.put("warning", r.count(Severity.WARNING));
        counts.put("unreadable", r.unreadable());
        counts.put("needingAction", r.needingAction());
        counts.put("crossAccountMismatches", r.mismatches().size());
        ArrayNode mismatches = json.putArray("crossAccountMismatches");
        for (CrossAccountMismatch m : r.mismatches().stream().limit(accounts == Integer.MAX_VALUE ? Long.MAX_VALUE
                : Math.min(accounts, 200)).toList()) {
            ObjectNode n = mismatches.addObject();
            n.put("failingAccount", m.failing());
            n.put("region", m.calls().region());
            n.put("model", m.calls().model());
            n.put("quotaCode", m.increase().quotaCode());
            n.put("raisedIn", m.raisedIn());
            n.put("requestId", m.increase().requestId());
            n.put("status", m.increase().status().name());
            n.put("desiredValue", m.increase().desiredValue());
            n.put("command", m.command());
        }
        ArrayNode listed = json.putArray("accounts");
        boolean all = accounts == Integer.MAX_VALUE;
        r.accounts().stream().filter(a -> all || a.needsAction()).limit(accounts)
                .forEach(a -> listed.add(AccountReportJson.write(a)));
        return json;
    }
}
