package com.quotadoctor.diagnosis;

import java.util.Set;

/** The approved value applies to the failing context: the last suspect is the client's own region or retry setup. */
final class AlignedRule extends RequestStateRule {

    @Override
    public FindingCode code() {
        return FindingCode.ALIGNED;
    }

    @Override
    Set<RequestState> states() {
        return Set.of(RequestState.FULFILLED);
    }

    @Override
    FindingDraft describe(Assessment a, RequestState state, Situation s) {
        var r = a.request();
        FindingDraft draft = FindingDraft.of(code(), Severity.INFO)
                .title("The approved value applies: " + r.quotaCode() + " is " + appliedText(a) + " in " + r.region())
                .explain(Facts.describe(r) + " is " + r.rawStatus() + " and the applied value (" + appliedText(a)
                        + ") has reached it" + a.workload().map(w -> "; it governs the " + w.model().raw()
                        + " calls in " + w.region() + ". Account, region, model, inference family and metric all line "
                        + "up.").orElse(". The evidence read holds no failing call to set it against, so that it "
                        + "governs the failing calls is not shown.") + " Retest with an explicit region to rule out a "
                        + "client that resolves another region or account.");
        a.workload().filter(w -> w.probes().stream().anyMatch(p -> p.succeeded())).ifPresent(w -> draft.step(
                // CloudTrail recording the failures in this very context rules out a client in another one
                w.confirmed() ? PlanStep.of(PlanStep.Kind.REDUCE_DEMAND, "The explicit-region retest succeeded in "
                        + w.region() + ", and CloudTrail records the failing calls in this same context (" + w.region()
                        + w.account().map(a2 -> ", account " + a2).orElse("") + ", " + w.model().raw() + "): the "
                        + "quota is large enough for the minute as a whole, so the failures are bursts within it. "
                        + "Retry with exponential backoff and jitter, and spread the calls over the minute.")
                        .in(w.region(), w.account()).because("the quota that applies covers the observed peak")
                        : PlanStep.of(PlanStep.Kind.CHANGE_CLIENT, "The explicit-region retest succeeded in " + w.region()
                        + ", and no failed call was recorded in that context: the failing clients resolve another "
                        + "region, account or model id. Log the region and account each client uses at start-up.")
                        .in(w.region(), w.account()).because("the quota that applies is large enough")));
        a.workload().ifPresentOrElse(
                w -> draft.step(PlanStep.of(PlanStep.Kind.RETEST, "Retest with an explicit region:")
                        .command(Commands.retest(w.model(), w.region())).in(w.region(), w.account())
                        .because("the approved value applies to these calls")),
                () -> draft.step(PlanStep.of(PlanStep.Kind.RETEST, "Retest your workload with its region set "
                        + "explicitly: " + Facts.regionSetting(r.region()) + ".").in(r.region(), r.account())
                        .because("the approved value applies in " + r.region())));
        return draft;
    }
}
