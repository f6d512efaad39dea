package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.LoweredQuota;
import com.quotadoctor.domain.Quota;

import java.util.List;
import java.util.Optional;

/**
 * The request watcher saw an applied value fall between two sweeps: AWS may lower an account's quotas
 * (docs/bedrock-quotas.md §11), and nothing else announces it. Said once, as its own finding, with the way back.
 */
final class QuotaLoweredRule implements DiagnosisRule {

    @Override
    public FindingCode code() {
        return FindingCode.QUOTA_LOWERED;
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        Optional<LoweredQuota> fall = s.request().lowered();
        if (fall.isEmpty()) {
            return List.of();
        }
        LoweredQuota l = fall.get();
        Optional<Quota> now = s.evidence().region(l.region()).flatMap(r -> r.quota(l.quotaCode(), l.account()));
        Optional<Double> applied = now.flatMap(Quota::applied);
        if (applied.isPresent() && applied.get() >= l.from()) {
            return List.of(); // raised back before this look: nothing left to say
        }
        Optional<Workload> bound = s.workloads().stream().filter(Workload::isFailing)
                .filter(w -> w.region().equals(l.region()))
                .filter(w -> w.bindingQuota().map(q -> q.code().equalsIgnoreCase(l.quotaCode())).orElse(false))
                .findFirst();
        // the quota as read now names it; the event's name only when this look did not read it
        String name = now.map(Quota::name).filter(n -> !n.isBlank()).orElse(l.quotaName());
        String quota = l.quotaCode() + (name.isBlank() ? "" : " \"" + name + "\"");
        Proof proof = new Proof().put("quotaLowered", quota + " in " + l.region())
                .put("account", l.account())
                .put("valueBefore", Format.text(l.from()) + " (read " + l.seenAt() + ")")
                .put("valueAfter", Format.text(l.to()) + " (read " + l.observedAt() + ")")
                .put("valueNow", applied.map(v -> Format.text(v) + " (read " + s.now() + ")")
                        .orElse(now.isPresent() ? "no applied value listed" : "not read in this look"))
                .put("defaultNow", now.flatMap(Quota::awsDefault).map(Format::text).orElse(null));
        boolean differs = applied.isPresent() && applied.get() != l.to();
        bound.ifPresent(w -> Facts.workload(proof, w));
        FindingDraft draft = FindingDraft.of(code(), bound.isPresent() ? Severity.CRITICAL : Severity.WARNING)
                .title("AWS lowered " + l.quotaCode() + " in " + l.region() + " from " + Format.text(l.from()) + " to "
                        + Format.text(l.to()))
                .explain("The request watcher read " + quota + " in " + l.region() + " at " + Format.text(l.from())
                        + " on " + l.seenAt() + " and at " + Format.text(l.to()) + " on " + l.observedAt()
                        + (differs ? ", and this look reads " + Format.text(applied.get()) : "")
                        + ". No request lowers a value: AWS may lower an account's quotas (for example by account "
                        + "age, usage or payment history)."
                        + bound.map(w -> " Calls of " + w.invokedId() + " in " + w.region()
                                + " are failing on this quota now.").orElse(""))
                .proof(proof)
                .about(Optional.of(l.region()), l.account(), Optional.of(l.quotaCode()),
                        bound.map(w -> w.model().raw()));
        if (now.isEmpty()) {
            draft.step(PlanStep.of(PlanStep.Kind.COMPLETE_EVIDENCE, "Read the quota as it applies now:")
                    .command(Commands.getQuota(l.quotaCode(), l.region())).in(l.region(), l.account())
                    .because("this look did not read " + l.quotaCode() + " in " + l.region()));
        } else if (now.get().isAdjustable()) {
            draft.requestIncrease("Ask for the value this account had:", now.get(), l.account(), l.from(),
                    "the account had " + Format.text(l.from()) + " applied until " + l.seenAt() + "; AWS lowered it to "
                            + Format.text(l.to()) + " by " + l.observedAt());
        } else {
            draft.step(PlanStep.of(PlanStep.Kind.CONTACT_SUPPORT, "Ask AWS Support why " + l.quotaCode() + " in "
                            + l.region() + " was lowered from " + Format.text(l.from()) + " to " + Format.text(l.to()) + ".")
                    .on(l.quotaCode(), l.region(), l.account()).link(Commands.limitIncreaseForm())
                    .because("AWS lowered the applied value; Service Quotas takes no increase for it"));
        }
        return List.of(draft.build());
    }
}
