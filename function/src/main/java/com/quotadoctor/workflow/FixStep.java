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
        int attempt = (int) Math.max(1, Math.min(com.quotadoctor.json.RequestJson.LAST_ATTEMPT - 1,
                in.field("attempt").number().orElse(1.0)));
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
            QuotaState now;
            FilingGuard.Decision decision;
            try {
                now = desk.read(c.quotaCode(), c.region()); // the state after the approval, not the diagnosis's
                decision = FilingGuard.decide(c, now, rails);
            } catch (RuntimeException e) {
                // one quota that can't be read costs its filing, not the others' (nor what was filed already)
                refused.add(c.quotaCode() + " in " + c.region() + ": not read (" + failure(e) + "): nothing filed");
                continue;
            }
            if (decision instanceof FilingGuard.Nothing) {
                nothing.add(decision.reason());
                // a retried task whose filing went through (its answer lost), or someone filed the same meanwhile:
                // the open request that asks enough is the one to follow
                Optional<QuotaState.OpenRequest> asking = now.open().stream().filter(r -> r.desiredValue() >= c.value())
                        .findFirst();
                if (follow.isEmpty() && asking.isPresent()) {
                    follow = Optional.of(follow(in.field("request"), asking.get().id(), c, attempt));
                }
            } else if (decision instanceof FilingGuard.Refused) {
                refused.add(decision.reason());
            } else {
                QuotaDesk.Filed done;
                try {
                    done = desk.file(c.quotaCode(), c.region(), c.value());
                } catch (RuntimeException e) {
                    refused.add(c.quotaCode() + " in " + c.region() + ": AWS refused the filing (" + failure(e) + ")");
                    continue;
                }
                filed.addObject().put("requestId", done.requestId()).put("quotaCode", c.quotaCode())
                        .put("region", c.region()).put("desiredValue", c.value()).put("status", done.status());
                if (follow.isEmpty()) {
                    follow = Optional.of(follow(in.field("request"), done.requestId(), c, attempt));
                }
            }
        }
        follow.ifPresent(f -> out.set("follow", f));
        return out;
    }

    private static String failure(RuntimeException e) {
        return com.quotadoctor.evidence.aws.AwsFailure.code(e) + ": " + com.quotadoctor.evidence.aws.AwsFailure.message(e);
    }

    /**
     * The diagnosis that follows the new request: the approved one's context, now naming the request and its quota, as
     * a later attempt, so the loop never asks for approval again in the same run.
     */
    private static ObjectNode follow(WireNode request, String requestId, FilingCandidate c, int attempt) {
        ObjectNode next = request.present() && request.node().isObject() ? request.node().deepCopy()
                : JsonTree.NODES.objectNode();
        next.remove(List.of("attempt", "deadline"));
        next.put("attempt", attempt + 1);
        next.put("requestId", requestId);
        next.put("quotaCode", c.quotaCode());
        c.account().ifPresent(a -> next.put("account", a));
        return next;
    }
}
