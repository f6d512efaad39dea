package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Quota;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's applied value is below the AWS default (common on new accounts). */
final class AppliedBelowDefaultRule implements DiagnosisRule {

    @Override
    public FindingCode code() {
        return FindingCode.APPLIED_BELOW_DEFAULT;
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        Map<String, Finding> byQuota = new LinkedHashMap<>();
        for (Workload w : s.workloads()) {
            Optional<Quota> binding = w.bindingQuota();
            for (Quota q : w.governing()) {
                if (q.appliedBelowDefault()) {
                    boolean binds = binding.map(b -> b.code().equals(q.code())).orElse(false);
                    byQuota.putIfAbsent(q.region() + "/" + q.code(), finding(w, q, binds ? Severity.CRITICAL : Severity.WARNING));
                }
            }
        }
        return List.copyOf(byQuota.values());
    }

    private Finding finding(Workload w, Quota q, Severity severity) {
        double applied = q.applied().orElseThrow();
        double dflt = q.awsDefault().orElseThrow();
        FindingDraft draft = FindingDraft.of(code(), severity)
                .title(q.code() + " applies " + Format.text(applied) + ", below the AWS default of " + Format.text(dflt))
                .explain("This account's applied value for " + Facts.describe(q) + " is " + Format.text(applied)
                        + ", " + Format.percent(applied, dflt) + " of the AWS default " + Format.text(dflt)
                        + ". AWS documents that applied values may be lower than the defaults, typically for new "
                        + "accounts; the calls are limited by the lower value.")
                .proof(Facts.quota(Facts.workload(new Proof(), w), "governing", q))
                .about(Optional.of(q.region()), w.account(), Optional.of(q.code()), Optional.of(w.model().raw()));
        if (q.isAdjustable()) {
            draft.requestIncrease("Request at least the AWS default:", q, w.account(), dflt,
                    "the applied " + Format.text(applied) + " is below the AWS default " + Format.text(dflt));
        } else {
            draft.step(PlanStep.of(PlanStep.Kind.CONTACT_SUPPORT, "The quota is not adjustable through Service Quotas: "
                    + "use the limit-increase form, quoting " + q.code() + " in " + q.region() + ".")
                    .on(q.code(), q.region(), w.account()).link(Commands.limitIncreaseForm())
                    .because("the applied value is below the AWS default"));
        }
        return draft.build();
    }
}
