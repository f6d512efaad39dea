package com.quotadoctor.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.domain.AccountId;
import com.quotadoctor.domain.AwsRegion;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.domain.LoweredQuota;
import com.quotadoctor.domain.ModelId;

import java.util.List;
import java.util.Optional;

/**
 * The diagnosis request as JSON, one shape everywhere: a snapshot's {@code request}, the diagnosis JSON's
 * {@code request}, an on-demand invoke, the loop's previous diagnosis. The context fields are
 * {@code account}, {@code regions}, {@code modelIds}, {@code requestId}, {@code quotaCode}, {@code error};
 * the loop state ({@code attempt}, {@code deadline}) sits wherever the document keeps it.
 */
public final class RequestJson {

    /** Far beyond any loop: 14 days of hourly checks is about 340. */
    public static final int LAST_ATTEMPT = 10_000;

    private RequestJson() {
    }

    /** @param loop the node holding {@code attempt} and {@code deadline}; the context node itself in a snapshot */
    public static DiagnosisRequest read(WireNode context, WireNode loop) {
        if (!context.present() && !loop.field("attempt").present()) {
            return DiagnosisRequest.empty();
        }
        if (context.present() && !context.node().isObject()) {
            throw context.problem("expected an object");
        }
        List<String> regions = context.field("regions").list(r -> {
            String name = r.requiredText();
            if (!AwsRegion.isKnown(name)) {
                throw r.problem("unknown region '" + name + "'");
            }
            return name;
        });
        List<ModelId> models = context.field("modelIds").list(m -> {
            try {
                return ModelId.parse(m.requiredText());
            } catch (ShapeException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw m.problem(e.getMessage());
            }
        });
        Optional<String> account = context.field("account").text();
        if (account.isPresent() && !AccountId.isValid(account.get())) {
            throw context.field("account").problem("expected a 12-digit account id");
        }
        WireNode error = context.field("error");
        ErrorSignal signal = error.present()
                ? new ErrorSignal(error.field("code").text(), error.field("message").text())
                : ErrorSignal.NONE;
        double attempt = loop.field("attempt").number().orElse(1.0);
        if (attempt < 1 || attempt > LAST_ATTEMPT || attempt != Math.rint(attempt)) {
            throw loop.field("attempt").problem(attempt < 1 ? "must be 1 or more"
                    : "expected a whole number up to " + LAST_ATTEMPT);
        }
        if (models.size() > DiagnosisRequest.MOST_MODELS) {
            throw context.field("modelIds").problem("at most " + DiagnosisRequest.MOST_MODELS
                    + " model ids per diagnosis, got " + models.size());
        }
        if (regions.size() > DiagnosisRequest.MOST_REGIONS) {
            throw context.field("regions").problem("at most " + DiagnosisRequest.MOST_REGIONS
                    + " regions per diagnosis, got " + regions.size());
        }
        WireNode lowered = context.field("lowered");
        return new DiagnosisRequest(account, regions, models, context.field("requestId").text(),
                context.field("quotaCode").text(), signal, (int) attempt, loop.field("deadline").instant(),
                lowered.present() ? Optional.of(lowered(lowered)) : Optional.empty());
    }

    /**
     * The watcher's "Bedrock Quota Value Lowered" detail, and the request's {@code lowered}: one shape. Every field is
     * held to its pattern at its place.
     */
    public static LoweredQuota lowered(WireNode node) {
        if (!node.node().isObject()) {
            throw node.problem("expected an object");
        }
        Optional<String> account = node.field("account").text();
        if (account.isPresent() && !AccountId.isValid(account.get())) {
            throw node.field("account").problem("expected a 12-digit account id");
        }
        String region = node.field("region").requiredText();
        if (!AwsRegion.isKnown(region)) {
            throw node.field("region").problem("unknown region '" + region + "'");
        }
        String code = node.field("quotaCode").requiredText();
        if (!com.quotadoctor.domain.AwsId.QUOTA_CODE.matches(code)) {
            throw node.field("quotaCode").problem("is not a quota code");
        }
        double from = node.field("previousValue").number().orElseThrow(() -> node.field("previousValue").problem("is required"));
        double to = node.field("appliedValue").number().orElseThrow(() -> node.field("appliedValue").problem("is required"));
        if (!(to < from) || to < 0) {
            throw node.field("appliedValue").problem("must be below previousValue (" + from + ") and not negative");
        }
        java.time.Instant seen = node.field("previousObservedAt").instant()
                .orElseThrow(() -> node.field("previousObservedAt").problem("is required"));
        java.time.Instant observed = node.field("observedAt").instant()
                .orElseThrow(() -> node.field("observedAt").problem("is required"));
        if (seen.isAfter(observed)) {
            throw node.field("previousObservedAt").problem("is after observedAt");
        }
        return new LoweredQuota(code, node.field("quotaName").text().orElse(""), region, account, from, to, seen,
                observed);
    }

    public static ObjectNode write(LoweredQuota l) {
        ObjectNode d = JsonTree.NODES.objectNode();
        d.put("quotaCode", l.quotaCode());
        d.put("quotaName", l.quotaName());
        d.put("region", l.region());
        l.account().ifPresent(a -> d.put("account", a));
        d.put("previousValue", l.from());
        d.put("appliedValue", l.to());
        d.put("previousObservedAt", l.seenAt().toString());
        d.put("observedAt", l.observedAt().toString());
        return d;
    }

    /**
     * The loop state into {@code node}, where its document keeps it: the diagnosis JSON's root (the workflow feeds it
     * back as the next input), a snapshot's {@code request}. What {@link #read} reads as {@code loop}.
     */
    public static void writeLoop(ObjectNode node, int attempt, java.util.Optional<java.time.Instant> deadline) {
        node.put("attempt", attempt);
        deadline.ifPresent(d -> node.put("deadline", d.toString()));
    }

    /** The context fields; the loop state goes where its document keeps it ({@link #writeLoop}). */
    public static ObjectNode write(DiagnosisRequest r) {
        ObjectNode node = JsonTree.NODES.objectNode();
        r.account().ifPresent(a -> node.put("account", a));
        ArrayNode regions = node.putArray("regions");
        r.regions().forEach(regions::add);
        ArrayNode models = node.putArray("modelIds");
        r.models().stream().map(ModelId::raw).forEach(models::add);
        r.requestId().ifPresent(id -> node.put("requestId", id));
        r.quotaCode().ifPresent(code -> node.put("quotaCode", code));
        if (r.error().code().isPresent() || r.error().message().isPresent()) {
            ObjectNode error = node.putObject("error");
            r.error().code().ifPresent(c -> error.put("code", c));
            r.error().message().ifPresent(m -> error.put("message", m));
        }
        r.lowered().ifPresent(l -> node.set("lowered", write(l)));
        return node;
    }
}
