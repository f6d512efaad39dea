package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.ModelName;
import com.quotadoctor.domain.Quota;

import java.util.Comparator;
import java.util.Optional;

/**
 * How much to ask for a quota, and why, from the evidence alone: the largest of the team's intent (the most it has
 * already asked for this model and metric, wherever it was filed, unless AWS refused it), the observed peak of the
 * calls it governs (burndown counted) plus 25 % rounded up to two significant figures, and the AWS default. When the
 * value that applies already covers that, no increase is asked: a bigger quota would not be backed by the evidence.
 */
sealed interface IncreaseSize {

    /** Ask {@code value}; {@code basis} says where the figure comes from, for the justification. */
    record Ask(double value, String basis) implements IncreaseSize {
    }

    /** The applied value covers the demand and the intent: {@code statement} says so with the figures. */
    record Covered(double applied, String statement) implements IncreaseSize {
    }

    /** Nothing in the evidence sizes it (no demand measured, no request, no default above the applied value). */
    record Unsized() implements IncreaseSize {
    }

    static IncreaseSize of(Situation s, Quota q, Optional<String> account) {
        Optional<Double> peak = peak(s, q, account);
        Optional<IncreaseRequest> intent = intent(s, q, account);
        double headroom = peak.map(p -> Facts.readable(p * Facts.HEADROOM)).orElse(0.0);
        double asked = intent.map(IncreaseRequest::desiredValue).orElse(0.0);
        double dflt = q.awsDefault().orElse(0.0);
        // AWS lowered this quota: what the account had before is a value AWS itself applied
        Optional<com.quotadoctor.domain.LoweredQuota> fall = s.request().lowered(q, account);
        double restored = fall.map(com.quotadoctor.domain.LoweredQuota::from).orElse(0.0);
        double target = Math.max(Math.max(headroom, restored), Math.max(asked, dflt));
        if (target <= 0) {
            return new Unsized();
        }
        String metric = q.kind().metric().label();
        Optional<Double> applied = q.effectiveValue();
        if (applied.isPresent() && applied.get() >= target) {
            String covers = peak.map(p -> "the peak " + Format.text(Math.round(p)) + " " + metric + " + 25 %")
                    .orElse("the AWS default");
            if (asked > headroom && asked >= dflt) {
                covers = intent.map(r -> "the " + Format.text(r.desiredValue()) + " asked in request " + r.id() + " ("
                        + r.region() + ")").orElse(covers);
            }
            return new Covered(applied.get(), q.code() + " at " + Format.text(applied.get()) + " covers " + covers
                    + ": no increase needed");
        }
        if (target == restored && fall.isPresent()) {
            return new Ask(target, "the " + Format.text(restored) + " the account had until " + fall.get().seenAt()
                    + ", before AWS lowered it to " + Format.text(fall.get().to()) + peak.map(p -> "; the observed peak is "
                    + Format.text(Math.round(p)) + " " + metric).orElse(""));
        }
        if (target == asked && intent.isPresent()) {
            IncreaseRequest r = intent.get();
            boolean here = r.region().equals(q.region()) && r.quotaCode().equalsIgnoreCase(q.code());
            return new Ask(target, "to match the " + Format.text(asked) + " " + (here ? "asked in request " + r.id()
                    : r.rawStatus().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " in " + r.region()
                    + " (request " + r.id() + ", " + r.quotaCode() + ")") + peak.map(p -> "; the observed peak is "
                    + Format.text(Math.round(p)) + " " + metric).orElse(""));
        }
        if (target == headroom) {
            return new Ask(target, "the observed peak " + Format.text(Math.round(peak.orElseThrow())) + " " + metric
                    + " + 25 %, rounded up");
        }
        return new Ask(target, "the AWS default " + Format.text(dflt) + peak.map(p -> " (the observed peak is "
                + Format.text(Math.round(p)) + " " + metric + ")").orElse(""));
    }

    /** The busiest minute (or day) of the calls this quota's model makes in its region and account. */
    private static Optional<Double> peak(Situation s, Quota q, Optional<String> account) {
        return s.workloads().stream()
                .filter(w -> governedBy(w, q, account))
                .map(w -> Facts.demandFor(w, q.kind().metric()))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /**
     * The most the team has asked for this model and metric, anywhere, that AWS did not refuse: a request for this
     * quota, for the same model and metric, or one the diagnosis set against the calls this quota governs (a request
     * filed in another region, account, family or model version for them).
     */
    private static Optional<IncreaseRequest> intent(Situation s, Quota q, Optional<String> account) {
        Optional<ModelName> model = q.kind().model();
        java.util.Set<IncreaseRequest> forTheseCalls = new java.util.HashSet<>();
        s.assessments().forEach(a -> a.workload().filter(w -> governedBy(w, q, account)).ifPresent(w -> forTheseCalls.add(a.request())));
        return s.evidence().requests()
                .filter(r -> !r.status().isRefused() && !settledAgainst(s, r))
                // one endpoint's value says nothing about the other's: mantle counts input only, runtime settled tokens
                .filter(r -> (r.kind().family() == com.quotadoctor.domain.InferenceFamily.MANTLE)
                        == (q.kind().family() == com.quotadoctor.domain.InferenceFamily.MANTLE))
                .filter(r -> r.quotaCode().equalsIgnoreCase(q.code()) || r.kind().metric() == q.kind().metric()
                        && (forTheseCalls.contains(r) || model.isPresent()
                        && r.kind().model().map(model.get()::sameModel).orElse(false)))
                .max(Comparator.comparingDouble(IncreaseRequest::desiredValue));
    }

    /**
     * AWS decided against it, at least in part: refused, closed with the value unchanged, or partly granted. Its
     * desired value is not an intent to repeat: the evidence, not the rejected figure, sizes the next ask.
     */
    private static boolean settledAgainst(Situation s, IncreaseRequest r) {
        Optional<Quota> quota = s.evidence().region(r.region()).flatMap(region -> region.quota(r.quotaCode(), r.account()));
        return RequestState.alone(r, quota, s).isSettledAgainst();
    }

    /** Whether the calls of {@code w} count against {@code q}: its region and account, its model or its governing quota. */
    private static boolean governedBy(Workload w, Quota q, Optional<String> account) {
        Optional<ModelName> model = q.kind().model();
        return w.region().equals(q.region())
                && (account.isEmpty() || w.account().isEmpty() || w.account().equals(account))
                && (w.governing().stream().anyMatch(g -> g.code().equalsIgnoreCase(q.code()))
                || model.isPresent() && w.model().name().map(model.get()::sameModel).orElse(false));
    }
}
