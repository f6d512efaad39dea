package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.QuotaMetric;

import java.util.Optional;
import java.util.Set;

/** The applied value rose but stays below the desired value and the demand. */
final class PartiallyGrantedRule extends RequestStateRule {

    @Override
    public FindingCode code() {
        return FindingCode.PARTIALLY_GRANTED;
    }

    @Override
    Set<RequestState> states() {
        return Set.of(RequestState.PARTIAL);
    }

    @Override
    FindingDraft describe(Assessment a, RequestState state, Situation s) {
        var r = a.request();
        QuotaMetric metric = r.kind().metric();
        Optional<Double> demand = a.workload().flatMap(w -> Facts.demandFor(w, metric));
        double applied = a.appliedValue().orElse(0.0);
        boolean short_ = demand.map(d -> d > applied).orElse(a.workload().map(Workload::isFailing).orElse(false));
        FindingDraft draft = FindingDraft.of(code(), short_ ? Severity.CRITICAL : Severity.WARNING)
                .title("Granted " + Format.text(applied) + " of the " + Format.text(r.desiredValue()) + " asked")
                .explain(Facts.describe(r) + " closed with the applied value raised to " + Format.text(applied)
                        + ", " + Format.percent(applied, r.desiredValue()) + " of what was asked"
                        + a.quota().flatMap(q -> q.awsDefault()).map(d -> " (default " + Format.text(d) + ")").orElse("")
                        + demand.map(d -> "; the observed demand peaks at " + Format.text(Math.round(d)) + " "
                        + metric.label()).orElse("") + ". "
                        + (short_ ? "The calls still need more than was granted." : "The grant covers the demand observed so far."));
        r.caseId().ifPresent(c -> draft.step(Facts.readCase(c, "Read why less was granted:")));
        if (short_) {
            a.workload().filter(w -> w.model().family() == com.quotadoctor.domain.InferenceFamily.ON_DEMAND).ifPresent(w ->
                    draft.step(PlanStep.of(PlanStep.Kind.REDUCE_DEMAND, "Spread the load meanwhile: a cross-region or "
                            + "global profile has its own, usually larger, quota.").in(w.region(), w.account())
                            .because("the calls need more than was granted")));
            a.quota().ifPresent(q -> draft.requestIncrease("Ask for the rest, with the justification below:", q,
                    r.account(), Math.max(r.desiredValue(), demand.map(d -> d * Facts.HEADROOM).orElse(0.0)),
                    "the calls still need more than was granted"));
        }
        return draft;
    }
}
