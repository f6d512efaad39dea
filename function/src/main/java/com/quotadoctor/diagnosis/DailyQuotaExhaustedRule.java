package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tokens-per-day quota, per model or cross-model, is used up. */
final class DailyQuotaExhaustedRule implements DiagnosisRule {

    @Override
    public FindingCode code() {
        return FindingCode.DAILY_QUOTA_EXHAUSTED;
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<Finding> findings = new ArrayList<>();
        for (Workload w : s.workloads()) {
            boolean saidSo = w.boundMetric().map(QuotaMetric::isDaily).orElse(false);
            Optional<Double> used = w.demand().tokensLastDay();
            Optional<Quota> worst = w.tightestDaily();
            boolean measuredOut = worst.isPresent() && used.isPresent()
                    && used.get() >= s.settings().dailyRatio() * w.dailyLimit(worst.get());
            if (saidSo || measuredOut) {
                findings.add(finding(w, worst, used, saidSo));
            }
        }
        return findings;
    }

    private Finding finding(Workload w, Optional<Quota> quota, Optional<Double> used, boolean saidSo) {
        Proof proof = Facts.workload(new Proof(), w);
        quota.ifPresent(q -> Facts.quota(proof, "daily", q).put("dailyLimitForTheseCalls", Format.number(w.dailyLimit(q))));
        Facts.demand(proof, w.demand());
        String usage = used.map(u -> Format.text(Math.round(u)) + " tokens in the last 24 h"
                + quota.map(q -> " (" + Format.percent(u, w.dailyLimit(q)) + " of " + Format.text(w.dailyLimit(q)) + ")").orElse(""))
                .orElse("no token metrics to measure it");
        FindingDraft draft = FindingDraft.of(code(), Severity.CRITICAL)
                .title("The tokens-per-day quota is used up" + quota.map(q -> " (" + q.code() + ")").orElse(""))
                .explain((saidSo ? "The errors say \"too many tokens per day\". " : "")
                        + "Daily usage: " + usage + ". "
                        + quota.map(q -> Facts.describe(q) + " caps daily tokens" + (q.kind().metric() == QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY
                        ? " across all models" : "") + ". ").orElse("")
                        + "Raising tokens per minute does not help until the daily budget frees up; AWS does not "
                        + "document whether the window is rolling or a UTC day.")
                .proof(proof)
                .about(Optional.of(w.region()), w.account(), quota.map(Quota::code), Optional.of(w.model().raw()));
        if (w.model().family() == InferenceFamily.ON_DEMAND && quota.map(q -> q.kind().sharedWithCrossRegion()).orElse(false)) {
            w.model().inFamily(InferenceFamily.CROSS_REGION, w.region()).ifPresent(id -> Facts.moveTo(draft, w, id,
                    "cross-region calls get double this daily quota"));
        }
        quota.filter(Quota::isAdjustable).ifPresentOrElse(
                q -> draft.requestIncrease("Request a higher daily quota:", q, w.account(),
                        Facts.suggestedValue(q, w, Optional.empty()), "the daily budget is used up"),
                () -> draft.step(PlanStep.of(PlanStep.Kind.REDUCE_DEMAND, "Until the daily budget frees up, spread "
                        + "the load over another model or region; raising tokens per minute does not help meanwhile.")
                        .in(w.region(), w.account())
                        .because("the daily quota cannot be raised through Service Quotas")));
        return draft.build();
    }
}
