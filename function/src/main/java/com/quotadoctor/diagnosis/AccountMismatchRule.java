package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Quota;

import java.util.Optional;

/** The increase was raised in another account than the one making the failing calls. */
final class AccountMismatchRule extends MismatchRule {

    @Override
    Mismatch dimension() {
        return Mismatch.ACCOUNT;
    }

    @Override
    FindingDraft describe(FindingDraft draft, Assessment a, Workload w, Optional<Quota> target) {
        String requestAccount = a.request().account().orElse("?");
        String callAccount = w.account().orElse("?");
        return draft.title("Increase in account " + requestAccount + ", failing calls in account " + callAccount)
                .explain("Quotas are per account and per region. " + Facts.describe(a.request())
                        + " was made by account " + requestAccount + ", but CloudTrail shows the throttled "
                        + w.model().raw() + " calls in " + w.region() + " made by account " + callAccount
                        + ". An increase never carries over to another account (cross-account roles, CI or "
                        + "sandbox accounts), so the approved value does not apply to these calls.")
                .step(PlanStep.of(PlanStep.Kind.CHANGE_CLIENT, "Confirm which account the workload's credentials "
                                + "resolve to (run this with the workload's own role or profile):")
                        .command(Commands.callerIdentity(w.region())).in(w.region(), w.account())
                        .because("the increase applies in account " + requestAccount + " only"))
                .step(PlanStep.of(PlanStep.Kind.CHANGE_CLIENT, "If the workload should run in account " + requestAccount
                                + ", give it that account's credentials or role; otherwise the quota must be raised in "
                                + "account " + callAccount + ".")
                        .in(w.region(), w.account()).because("an increase never carries over to another account"));
    }
}
