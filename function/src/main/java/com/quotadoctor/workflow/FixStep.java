package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.domain.AwsId;
import com.quotadoctor.fix.FilingCandidate;
import com.quotadoctor.fix.FilingGuard;
import com.quotadoctor.fix.FilingRails;
import com.quotadoctor.fix.QuotaDesk;
import com.quotadoctor.fix.QuotaState;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.WireNode;

import java.util.List;
import java.util.Optional;

/**
 * The guided fix's filing task, after a person approved: each of the plan's increases re-read and filed exactly as the
 * CLI's {@code fix} does it (the same guard and rails). Its output names what was filed and, when something was, the
 * request the propagation loop follows next ({@code follow}: an on-demand diagnosis request).
 */
public final class FixStep {

    private final QuotaDesk desk;
    private final FilingRails rails;

    public FixStep(QuotaDesk desk, FilingRails rails) {
        this.desk = desk;
        this.rails = rails;
    }

    /**
     * @param input       {@code filings[]} of the approved diagnosis, its {@code request} and {@code justification}
     * @param ownAccount  the account the function runs in: the only one it can file in
     */
    public ObjectNode run(String input, Optional<String> ownAccount) {
        WireNode in = WireNode.document("fix input", input);
        List<FilingCandidate> candidates = in.field("filings").list(f -> new FilingCandidate(
                AwsId.QUOTA_CODE.require(f.field("quotaCode").requiredText(), "quotaCode"),
                f.field("quotaCode").requiredText(), AwsId.REGION.require(f.field("region").requiredText(), "region"),
                f.field("account").text(), f.field("desiredValue").requiredNumber(),
                in.field("justification").text().orElse("")));
        ObjectNode out = JsonTree.NODES.objectNode();
        ArrayNode filed = out.putArray("filed");
        ArrayNode nothing = out.putArray("nothing");
        ArrayNode refused = out.putArray("refused");
        Optional<ObjectNode> follow = Optional.empty();
        for (FilingCandidate c : candidates) {
            Optional<FilingGuard.Decision> elsewhere = FilingGuard.otherAccount(c, ownAccount);
            if (elsewhere.isPresent()) {
                refused.add(elsewhere.get().reason());
                continue;
            }
            QuotaState now = desk.read(c.quotaCode(), c.region()); // the state after the approval, not the diagnosis's
            FilingGuard.Decision decision = FilingGuard.decide(c, now, rails);
            if (decision instanceof FilingGuard.Nothing) {
                nothing.add(decision.reason());
            } else if (decision instanceof FilingGuard.Refused) {
                refused.add(decision.reason());
            } else {
                QuotaDesk.Filed done = desk.file(c.quotaCode(), c.region(), c.value());
                filed.addObject().put("requestId", done.requestId()).put("quotaCode", c.quotaCode())
                        .put("region", c.region()).put("desiredValue", c.value()).put("status", done.status());
                if (follow.isEmpty()) {
                    follow = Optional.of(follow(in.field("request"), done.requestId(), c));
                }
            }
        }
        follow.ifPresent(f -> out.set("follow", f));
        return out;
    }

    /** The diagnosis that follows the new request: the approved one's context, now naming the request and its quota. */
    private static ObjectNode follow(WireNode request, String requestId, FilingCandidate c) {
        ObjectNode next = request.present() && request.node().isObject() ? request.node().deepCopy()
                : JsonTree.NODES.objectNode();
        next.remove(List.of("attempt", "deadline"));
        next.put("requestId", requestId);
        next.put("quotaCode", c.quotaCode());
        c.account().ifPresent(a -> next.put("account", a));
        return next;
    }
}
