package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.Quota;

import java.util.List;
import java.util.Optional;

/**
 * The shape every misalignment shares: an increase request that misses the failing context in one
 * way. Subclasses say which way and word the story; the fix always ends with the quota that does
 * govern the calls, in their region.
 */
abstract class MismatchRule implements DiagnosisRule {

    abstract Mismatch dimension();

    /** Title, explanation and the fix specific to this way of missing. */
    abstract FindingDraft describe(FindingDraft draft, Assessment a, Workload w, Optional<Quota> target);

    @Override
    public final FindingCode code() {
        return dimension().code();
    }

    @Override
    public final List<Finding> evaluate(Situation s) {
        return s.assessments().stream()
                .filter(a -> a.workload().isPresent() && a.mismatches().contains(dimension()))
                .map(a -> finding(s, a, a.workload().get()))
                .toList();
    }

    private Finding finding(Situation s, Assessment a, Workload w) {
        Optional<Quota> target = target(a.request(), w);
        Proof proof = Facts.workload(Facts.request(new Proof(), a.request()), w);
        target.ifPresent(q -> Facts.quota(proof, "governing", q));
        proof.put("otherMismatches", a.mismatches().stream().filter(m -> m != dimension()).map(Enum::name).toList());
        FindingDraft draft = FindingDraft.of(code(), Severity.CRITICAL)
                .proof(proof)
                .about(Optional.of(w.region()), w.account(), target.map(Quota::code).or(() -> Optional.of(a.request().quotaCode())),
                        Optional.of(w.model().raw()));
        describe(draft, a, w, target);
        fileWhereItGoverns(s, draft, a, w, target);
        return draft.build();
    }

    /** The quota that governs the failing calls for the metric that binds, else for the one the request raised. */
    static Optional<Quota> target(IncreaseRequest r, Workload w) {
        return w.boundMetric().isPresent() ? w.bindingQuota() : w.governing(r.kind().metric());
    }

    static void fileWhereItGoverns(Situation s, FindingDraft draft, Assessment a, Workload w, Optional<Quota> target) {
        if (target.isPresent()) {
            Quota q = target.get();
            if (!q.isAdjustable()) {
                draft.step(PlanStep.of(PlanStep.Kind.CONTACT_SUPPORT, Facts.describe(q) + " is not adjustable "
                        + "through Service Quotas: move the calls to a family that can be raised, or use the "
                        + "limit-increase form.").on(q.code(), q.region(), w.account()).link(Commands.limitIncreaseForm())
                        .because("the request you have does not apply to these calls"));
                return;
            }
            boolean sameMetric = q.kind().metric() == a.request().kind().metric();
            double value = Facts.suggestedValue(q, w, sameMetric ? Optional.of(a.request().desiredValue()) : Optional.empty());
            draft.requestIncrease((draft.hasSteps() ? "Or request" : "Request") + " the increase on the quota that "
                    + "governs these calls" + (a.mismatches().contains(Mismatch.ACCOUNT)
                    ? w.account().map(acc -> ", with credentials of account " + acc).orElse("") : "") + ":",
                    q, w.account(), value, "request " + a.request().id() + " does not apply to these calls");
        } else {
            Facts.findTheQuota(draft, w, s);
        }
    }
}
