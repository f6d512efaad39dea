package com.quotadoctor.diagnosis;

import java.util.Set;

/** DENIED, NOT_APPROVED, INVALID_REQUEST, or a support case closed without the value changing. */
final class RequestDeniedRule extends RequestStateRule {

    @Override
    public FindingCode code() {
        return FindingCode.REQUEST_DENIED;
    }

    @Override
    Set<RequestState> states() {
        return Set.of(RequestState.REFUSED, RequestState.CLOSED_UNCHANGED);
    }

    @Override
    FindingDraft describe(Assessment a, RequestState state, Situation s) {
        var r = a.request();
        String how = state == RequestState.CLOSED_UNCHANGED
                ? "its support case was closed on " + Facts.since(r.lastUpdated(), s.now()) + " and the applied value stayed at "
                + appliedText(a) + ", below the " + Format.text(r.desiredValue()) + " asked"
                : "AWS answered " + r.rawStatus() + (r.rawStatus().equals("INVALID_REQUEST") ? " (the ContextId ARN was invalid)" : "");
        FindingDraft draft = FindingDraft.of(code(), Severity.CRITICAL)
                .title("The increase was not granted (" + r.rawStatus() + ")")
                .explain(Facts.describe(r) + " did not raise the quota: " + how + ". The calls keep the old value. "
                        + "AWS gives priority to accounts whose traffic already uses their current allocation, and "
                        + "the Cross-region tokens-per-minute quota is the one Support raises together with the rest.");
        r.caseId().ifPresent(c -> draft.step(Facts.readCase(c, "Read the case correspondence for the reason:")));
        return draft.step(PlanStep.of(PlanStep.Kind.FOLLOW_REQUEST, "Check the value that applies now:")
                        .command(Commands.getQuota(r.quotaCode(), r.region()))
                        .link(Commands.quotaConsole(r.quotaCode(), r.region()))
                        .on(r.quotaCode(), r.region(), r.account()).because("the request was not granted"))
                .step(a.quota().map(q -> !q.isAdjustable()).orElse(false)
                        ? PlanStep.of(PlanStep.Kind.CHANGE_CLIENT, Facts.otherFamily(family(a)).map(f -> "Move the traffic "
                                + "to " + f + " whose quota is adjustable.").orElse("Ask AWS Support: " + r.quotaCode()
                                + " cannot be raised through Service Quotas.")).in(r.region(), r.account())
                                .because(r.quotaCode() + " cannot be raised through Service Quotas")
                        : PlanStep.of(PlanStep.Kind.REQUEST_INCREASE, "File a new request only with the justification "
                                + "below (usage, peak tokens per minute, use case)" + Facts.otherFamily(family(a))
                                .map(f -> ", or move the traffic to " + f + " whose quota is adjustable").orElse("") + ".")
                                .on(r.quotaCode(), r.region(), r.account())
                                .because("AWS grants to accounts whose traffic already uses their allocation"));
    }

    /** The family the failing calls use, else the one the request's quota governs. */
    private static com.quotadoctor.domain.InferenceFamily family(Assessment a) {
        return a.workload().map(w -> w.model().family()).orElse(a.request().kind().family());
    }
}
