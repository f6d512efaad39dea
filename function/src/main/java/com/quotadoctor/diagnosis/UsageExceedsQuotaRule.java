package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Context aligned and applied, but the observed per-minute demand (burndown included) reaches the applied value. */
final class UsageExceedsQuotaRule implements DiagnosisRule {

    @Override
    public FindingCode code() {
        return FindingCode.USAGE_EXCEEDS_QUOTA;
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<Finding> findings = new ArrayList<>();
        for (Workload w : s.workloads()) {
            for (QuotaMetric metric : List.of(QuotaMetric.TOKENS_PER_MINUTE, QuotaMetric.REQUESTS_PER_MINUTE)) {
                Optional<Quota> quota = w.governing(metric);
                Optional<Double> peak = Facts.demandFor(w, metric);
                if (quota.isEmpty() || peak.isEmpty() || quota.get().effectiveValue().isEmpty()) {
                    continue;
                }
                double limit = quota.get().effectiveValue().get();
                if (peak.get() >= s.settings().usageRatio() * limit) {
                    findings.add(finding(w, quota.get(), metric, peak.get(), limit));
                }
            }
        }
        return findings;
    }

    private Finding finding(Workload w, Quota q, QuotaMetric metric, double peak, double limit) {
        Proof proof = Facts.quota(Facts.workload(new Proof(), w), "governing", q);
        Facts.demand(proof, w.demand());
        // requests per minute apply on bedrock-runtime to the models Service Quotas lists them for, and tokens throttle
        // first: a requests-per-minute finding never outranks a tokens one
        boolean requests = metric == QuotaMetric.REQUESTS_PER_MINUTE;
        FindingDraft draft = FindingDraft.of(code(), requests ? Severity.WARNING : Severity.CRITICAL)
                .title("Demand of " + Format.text(Math.round(peak)) + " " + metric.label() + " reaches the applied "
                        + Format.text(limit) + " (" + q.code() + ")")
                .explain("The quota that governs these calls, " + Facts.describe(q) + ", applies " + Format.text(limit)
                        + "; the busiest minute used " + Format.text(Math.round(peak)) + " (" + Format.percent(peak, limit) + ")"
                        + (w.endpoint() == com.quotadoctor.domain.Endpoint.MANTLE ? ", counting input tokens (the quota "
                        + "also holds each call's max_tokens at admission, which AWS does not publish)"
                        : metric == QuotaMetric.TOKENS_PER_MINUTE ? ", counting input and cache-write tokens plus output "
                        + "tokens at " + w.demand().burndown() + "x burndown" : "") + ". The context is right; the value is too small."
                        + (requests ? " " + Facts.REQUESTS_PER_MINUTE + "; this account lists " + q.code()
                        + " for this model, so it applies." : ""))
                .proof(proof)
                .about(Optional.of(w.region()), w.account(), Optional.of(q.code()), Optional.of(w.model().raw()));
        if (q.isAdjustable()) {
            draft.requestIncrease("Request an increase on the quota that governs these calls:", q, w.account(),
                    Facts.suggestedValue(q, w, Optional.empty()), "the busiest minute used " + Format.percent(peak, limit)
                            + " of the applied value");
        }
        draft.step(PlanStep.of(PlanStep.Kind.REDUCE_DEMAND, "Meanwhile retry with exponential backoff and jitter"
                + Facts.otherFamily(w.model().family()).map(f -> ", and spread load across " + f + " if the model has one")
                .orElse("") + ".")
                .in(w.region(), w.account()).because("the demand reaches the quota"));
        return draft.build();
    }
}
