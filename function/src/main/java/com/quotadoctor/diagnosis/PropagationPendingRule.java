package com.quotadoctor.diagnosis;

import java.time.Duration;
import java.util.Set;

/** Approved, the applied value has not caught up yet, still inside the propagation window. */
final class PropagationPendingRule extends RequestStateRule {

    @Override
    public FindingCode code() {
        return FindingCode.PROPAGATION_PENDING;
    }

    @Override
    Set<RequestState> states() {
        return Set.of(RequestState.PROPAGATING);
    }

    @Override
    FindingDraft describe(Assessment a, RequestState state, Situation s) {
        var r = a.request();
        Duration window = s.settings().propagationWindow();
        boolean applied = a.fulfilled();
        boolean closed = r.status() == com.quotadoctor.domain.RequestStatus.CASE_CLOSED;
        String retestAt = r.decidedAt().map(t -> t.plus(window)).map(Object::toString).orElse("the window ends");
        FindingDraft draft = FindingDraft.of(code(), Severity.WARNING)
                .title(applied ? "Applied " + r.decidedAt().map(t -> Format.age(Duration.between(t, s.now())) + " ago")
                        .orElse("recently") + ", calls still fail: not enforced yet (" + appliedText(a) + ")"
                        : closed ? "Case closed, applied value not caught up yet (" + appliedText(a) + " of "
                        + Format.text(r.desiredValue()) + ")"
                        : "Approved, but the applied value has not caught up yet (" + appliedText(a) + " of "
                        + Format.text(r.desiredValue()) + ")")
                .explain(applied ? Facts.describe(r) + " shows " + appliedText(a) + " applied since "
                        + r.decidedAt().map(Object::toString).orElse("recently") + ", yet calls in that exact context "
                        + "failed after it. A new value can take from minutes to hours to take effect everywhere; this "
                        + "is inside the " + Format.age(window) + " window. Retest after " + retestAt + " before "
                        + "anything else; do not file another request."
                        : Facts.describe(r) + " was " + (closed ? "closed " : "approved ") + Facts.since(r.decidedAt(), s.now())
                        + ", but the applied value is still " + appliedText(a) + ". "
                        + (closed ? "AWS closes approved cases too (its CloudTrail example of an approved increase ends "
                        + "CASE_CLOSED, and the console's Closed means approved and request closed): read the case's "
                        + "resolution. " : "")
                        + "An approved value can take from minutes to hours to apply; this is inside the "
                        + Format.age(window) + " window. Do not file another request: it would not apply any sooner.");
        if (closed) {
            r.caseId().ifPresent(c -> draft.step(Facts.readCase(c, "Read the case's resolution:")));
        }
        return draft
                .step(PlanStep.of(PlanStep.Kind.WAIT, "Do not file another request. Wait until "
                                + r.decidedAt().map(t -> t.plus(window)).map(Object::toString).orElse("the window ends")
                                + " at the latest, then check the applied value:")
                        .command(Commands.getQuota(r.quotaCode(), r.region()))
                        .link(Commands.quotaConsole(r.quotaCode(), r.region()))
                        .on(r.quotaCode(), r.region(), r.account()).value(r.desiredValue())
                        .because("an approved value can take from minutes to hours to apply"));
    }
}
