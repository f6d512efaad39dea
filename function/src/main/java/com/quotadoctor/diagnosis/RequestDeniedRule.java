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
        r.caseId().ifPresent(c -> draft.step("Read the case correspondence for the reason:", Commands.describeCase(c)));
        return draft.step("Check the value that applies now:", Commands.getQuota(r.quotaCode(), r.region()))
                .step("File a new request only with a justification (current usage, peak tokens per minute, use case), "
                        + "or move the traffic to a cross-region profile whose quota is adjustable.");
    }
}
