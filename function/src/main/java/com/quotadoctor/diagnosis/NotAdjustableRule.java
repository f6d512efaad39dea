package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.ModelName;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The quota that binds cannot be raised; another inference family is the way. */
final class NotAdjustableRule implements DiagnosisRule {

    @Override
    public FindingCode code() {
        return FindingCode.NOT_ADJUSTABLE;
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<Finding> findings = new ArrayList<>();
        for (Workload w : s.workloads()) {
            Optional<Quota> binding = w.bindingQuota();
            if (binding.isPresent() && binding.get().adjustable().equals(Optional.of(false))) {
                findings.add(finding(s, w, binding.get()));
            }
        }
        return findings;
    }

    private Finding finding(Situation s, Workload w, Quota q) {
        Optional<Quota> alternative = alternative(s, w, q);
        Proof proof = Facts.quota(Facts.workload(new Proof(), w), "binding", q);
        alternative.ifPresent(a -> Facts.quota(proof, "adjustable", a));
        FindingDraft draft = FindingDraft.of(code(), Severity.WARNING)
                .title(q.code() + " cannot be raised"
                        + alternative.map(a -> "; the " + a.kind().family().brief() + " quota " + a.code() + " can")
                        .orElse(" through Service Quotas"))
                .explain("The quota that binds these calls, " + Facts.describe(q) + " (" + q.kind().describe()
                        + "), reports Adjustable=false: an increase request for it cannot be approved. "
                        + alternative.map(a -> "The same model's " + a.kind().describe() + " quota " + a.code()
                        + " is adjustable; moving the calls to that family is the way to more capacity.")
                        .orElse("No adjustable quota of another family was found for this model in " + w.region() + "."))
                .proof(proof)
                .about(Optional.of(w.region()), w.account(), Optional.of(q.code()), Optional.of(w.model().raw()));
        if (alternative.isPresent()) {
            Quota a = alternative.get();
            w.model().inFamily(a.kind().family(), w.region()).ifPresent(id -> Facts.moveTo(draft, w, id,
                    q.code() + " cannot be raised; " + a.code() + " can"));
            draft.requestIncrease("Then raise that family's quota if its value is not enough:", a, w.account(),
                    Facts.suggestedValue(a, w, Optional.empty()), a.code() + " is the adjustable quota for these calls");
        } else {
            draft.step(PlanStep.of(PlanStep.Kind.CONTACT_SUPPORT, "Use the limit-increase form quoting " + q.code()
                    + " in " + w.region() + ", or spread the load over another model or region.")
                    .on(q.code(), w.region(), w.account()).link(Commands.limitIncreaseForm())
                    .because(q.code() + " cannot be raised through Service Quotas"));
        }
        return draft.build();
    }

    /** An adjustable quota of the same model and metric in another runtime family of the same region. */
    private static Optional<Quota> alternative(Situation s, Workload w, Quota binding) {
        Optional<ModelName> model = w.model().name();
        if (model.isEmpty()) {
            return Optional.empty();
        }
        List<InferenceFamily> preference = List.of(InferenceFamily.CROSS_REGION, InferenceFamily.GLOBAL, InferenceFamily.ON_DEMAND);
        List<Quota> catalogue = s.catalogue(w.region(), w.account());
        return preference.stream()
                .filter(family -> family != w.model().family())
                .map(family -> QuotaMatcher.best(model.get(), family, binding.kind().metric(), catalogue).quota())
                .flatMap(Optional::stream)
                .filter(q -> q.kind().family() != w.model().family() && q.isAdjustable() && q.adjustable().isPresent())
                .findFirst();
    }
}
