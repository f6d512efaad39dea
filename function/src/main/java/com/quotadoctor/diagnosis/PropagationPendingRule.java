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
        return FindingDraft.of(code(), Severity.WARNING)
                .title("Approved, but the applied value has not caught up yet (" + appliedText(a) + " of "
                        + Format.text(r.desiredValue()) + ")")
                .explain(Facts.describe(r) + " was approved " + Facts.since(r.decidedAt(), s.now())
                        + ", but the applied value is still " + appliedText(a) + ". An approved value can take from "
                        + "minutes to hours to apply; this is inside the " + Format.age(window)
                        + " window. Do not file another request: it would not apply any sooner.")
                .step(PlanStep.of(PlanStep.Kind.WAIT, "Do not file another request. Wait until "
                                + r.decidedAt().map(t -> t.plus(window)).map(Object::toString).orElse("the window ends")
                                + " at the latest, then check the applied value:")
                        .command(Commands.getQuota(r.quotaCode(), r.region()))
                        .link(Commands.quotaConsole(r.quotaCode(), r.region()))
                        .on(r.quotaCode(), r.region(), r.account()).value(r.desiredValue())
                        .because("an approved value can take from minutes to hours to apply"));
    }
}
