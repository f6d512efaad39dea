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
                .step(PlanStep.of(PlanStep.Kind.FOLLOW_REQUEST, "Confirm the applied value once more (do not file "
                        + "another request):").command(Commands.getQuota(r.quotaCode(), r.region()))
                        .link(Commands.quotaConsole(r.quotaCode(), r.region()))
                        .on(r.quotaCode(), r.region(), r.account()).value(r.desiredValue())
                        .because("the approval is past the propagation window"));
        if (r.caseId().isPresent()) {
            draft.step(PlanStep.of(PlanStep.Kind.CONTACT_SUPPORT, "Escalate on support case " + r.caseId().get()
                            + " (the Support API needs a Business or Enterprise support plan; otherwise open the case "
                            + "in the Support Center):").command(Commands.escalate(r.caseId().get(), summary))
                    .link(Commands.caseConsole(r.caseId().get())).on(r.quotaCode(), r.region(), r.account())
                    .because("the approved value has not been applied"));
        } else {
            draft.step(PlanStep.of(PlanStep.Kind.CONTACT_SUPPORT, "Open a support case (Service limit increase) "
                    + "quoting: " + summary).link(Commands.limitIncreaseForm()).on(r.quotaCode(), r.region(), r.account())
                    .because("the approved value has not been applied"));
        }
        return draft;
    }
}
