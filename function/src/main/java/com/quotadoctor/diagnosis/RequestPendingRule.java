package com.quotadoctor.diagnosis;

import java.util.Set;

/** The increase is not decided yet: waiting is the fix, a second request is not. */
final class RequestPendingRule extends RequestStateRule {

    @Override
    public FindingCode code() {
        return FindingCode.REQUEST_PENDING;
    }

    @Override
    Set<RequestState> states() {
        return Set.of(RequestState.OPEN, RequestState.UNKNOWN_STATUS);
    }

    @Override
    FindingDraft describe(Assessment a, RequestState state, Situation s) {
        var r = a.request();
        String statusNote = state == RequestState.UNKNOWN_STATUS
                ? " Its status '" + r.rawStatus() + "' is unknown to this version of Quota Doctor and the applied value "
                + "has not reached the desired value, so it is treated as not decided yet."
                : r.caseId().isPresent() ? " AWS Support has case " + r.caseId().get() + " for it." : "";
        FindingDraft draft = FindingDraft.of(code(), Severity.WARNING)
                .title("The increase request is not decided yet (" + r.rawStatus() + ")")
                .explain(Facts.describe(r) + " has been " + r.rawStatus() + " since " + Facts.since(r.created(), s.now())
                        + "; the applied value is still " + appliedText(a) + "." + statusNote
                        + " Do not file another request: Service Quotas keeps one open request per quota, and a "
                        + "second one does not speed up the first.")
                .step(PlanStep.of(PlanStep.Kind.WAIT, "Do not file another request. Wait for this one"
                                + state.waitUntil(a, s.settings()).map(t -> " (until " + t + " at the latest)").orElse("")
                                + " and follow it:").command(Commands.getRequest(r.id(), r.region()))
                        .link(Commands.requestsConsole(r.region()))
                        .on(r.quotaCode(), r.region(), r.account()).value(r.desiredValue())
                        .because("Service Quotas keeps one open request per quota"));
        r.caseId().ifPresent(c -> draft.step(Facts.readCase(c, "Read or answer the support case (AWS may ask for the use case):")));
        return draft;
    }
}
