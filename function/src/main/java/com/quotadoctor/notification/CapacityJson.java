package com.quotadoctor.notification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.capacity.CapacityPlan;
import com.quotadoctor.capacity.Need;
import com.quotadoctor.diagnosis.Commands;
import com.quotadoctor.json.JsonTree;

import java.util.Locale;

/** A capacity plan for machines: the contract in docs/design.md ("Capacity plan JSON"). */
public final class CapacityJson {

    private CapacityJson() {
    }

    public static ObjectNode write(CapacityPlan plan) {
        ObjectNode root = JsonTree.NODES.objectNode();
        root.put("judgedAt", plan.judgedAt().toString());
        root.put("needsAction", plan.needsAction());
        ArrayNode filings = root.putArray("filings");
        for (CapacityPlan.Filing f : plan.filings()) {
            ObjectNode o = filings.addObject();
            o.put("quotaCode", f.quotaCode());
            o.put("quotaName", f.quotaName());
            o.put("region", f.region());
            f.account().ifPresent(a -> o.put("account", a));
            o.put("desiredValue", Math.round(f.value()));
            if (f.throughSupport()) {
                o.put("supportForm", Commands.limitIncreaseForm());
            } else {
                o.put("command", Commands.requestIncrease(f.quotaCode(), f.value(), f.region()));
            }
            o.put("justification", CapacityReport.justification(f));
            ArrayNode workloads = o.putArray("workloads");
            f.answers().forEach(n -> workloads.add(n.workload()));
        }
        ArrayNode needs = root.putArray("quotas");
        for (Need n : plan.needs()) {
            ObjectNode o = needs.addObject();
            o.put("workload", n.workload());
            o.put("region", n.region());
            n.account().ifPresent(a -> o.put("account", a));
            o.put("measure", n.measure());
            n.quota().ifPresent(q -> {
                o.put("quotaCode", q.code());
                o.put("quotaName", q.name());
                q.awsDefault().ifPresent(d -> o.put("default", Math.round(d)));
                o.put("adjustable", q.isAdjustable());
            });
            o.put("needed", Math.round(n.needed()));
            o.put("neededTogether", Math.round(n.total()));
            n.limit().ifPresent(l -> o.put("applied", Math.round(l)));
            n.headroom().ifPresent(h -> o.put("headroom", Math.round(h * 1000) / 1000.0));
            o.put("verdict", n.verdict().name().toLowerCase(Locale.ROOT));
            n.ask().ifPresent(a -> o.put("ask", Math.round(a)));
            o.put("arithmetic", n.arithmetic());
            n.coveredBy().ifPresent(r -> o.put("coveredBy", r.id()));
            n.alternative().ifPresent(a -> o.put("alternative", a));
        }
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(notes::add);
        ArrayNode gaps = root.putArray("evidenceGaps");
        plan.gaps().forEach(g -> gaps.addObject().put("region", g.region()).put("source", g.source()).put("code", g.code())
                .put("message", g.message()));
        return root;
    }
}
