package com.quotadoctor.diagnosis;

import java.util.Set;

/** Approved, the applied value still has not caught up, past the propagation window: escalate. */
final class PropagationOverdueRule extends RequestStateRule {

    @Override
    public FindingCode code() {
        return FindingCode.PROPAGATION_OVERDUE;
    }

    @Override
    Set<RequestState> states() {
        return Set.of(RequestState.OVERDUE);
    }

    @Override
    FindingDraft describe(Assessment a, RequestState state, Situation s) {
        var r = a.request();
        String summary = "Quota " + r.quotaCode() + " in " + r.region() + ": request " + r.id() + " was approved at "
                + r.decidedAt().map(Object::toString).orElse("?") + " for " + Format.text(r.desiredValue())
                + " but the applied value is still " + appliedText(a) + ".";
        FindingDraft draft = FindingDraft.of(code(), Severity.CRITICAL)
                .title("Approved " + Format.age(java.time.Duration.between(r.decidedAt().orElse(s.now()), s.now()))
                        + " ago, the applied value is still " + appliedText(a))
                .explain(Facts.describe(r) + " was approved " + Facts.since(r.decidedAt(), s.now())
                        + ", past the " + Format.age(s.settings().propagationWindow()) + " propagation window, and the "
                        + "applied value is still " + appliedText(a) + ". Waiting longer is unlikely to help; escalate "
                        + "with the request id" + r.caseId().map(c -> " and support case " + c).orElse("")
                        + ". Do not file another request.")
                .step("Confirm the applied value once more:", Commands.getQuota(r.quotaCode(), r.region()));
        if (r.caseId().isPresent()) {
            draft.step("Escalate on the support case:", Commands.escalate(r.caseId().get(), summary));
        } else {
            draft.step("Open a support case (Service limit increase) quoting: " + summary);
        }
        return draft;
    }
}
