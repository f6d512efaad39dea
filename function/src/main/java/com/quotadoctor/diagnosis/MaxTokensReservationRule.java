package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMetric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Throttled while settled token usage stays well under the quota: each request reserves its input
 * plus {@code max_tokens} (the model maximum when unset) at start, and only settles the real usage later.
 */
final class MaxTokensReservationRule implements DiagnosisRule {

    @Override
    public FindingCode code() {
        return FindingCode.MAX_TOKENS_RESERVATION;
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<Finding> findings = new ArrayList<>();
        for (Workload w : s.workloads()) {
            boolean tokenBound = w.boundMetric().map(m -> m == QuotaMetric.TOKENS_PER_MINUTE).orElse(true);
            Optional<Quota> tpm = w.governing(QuotaMetric.TOKENS_PER_MINUTE);
            Optional<Double> settled = w.demand().peakTokensPerMinute();
            if (!w.isFailing() || !tokenBound || tpm.isEmpty() || settled.isEmpty()
                    || FlexTierThrottledRule.applies(w, s.settings())
                    // mantle's only error count is every 4xx: low usage beside it proves no reservation
                    || w.endpoint() == com.quotadoctor.domain.Endpoint.MANTLE
                    || tpm.get().effectiveValue().isEmpty()) {
                continue;
            }
            double limit = tpm.get().effectiveValue().get();
            if (settled.get() < s.settings().reservationRatio() * limit) {
                findings.add(finding(w, tpm.get(), settled.get(), limit, s.now()));
            }
        }
        return findings;
    }

    private Finding finding(Workload w, Quota q, double settled, double limit, Instant now) {
        Proof proof = Facts.quota(Facts.workload(new Proof(), w), "governing", q);
        Facts.demand(proof, w.demand());
        return FindingDraft.of(code(), Severity.WARNING)
                .title("Throttled at " + Format.percent(settled, limit) + " of the tokens-per-minute quota: max_tokens reservation")
                .explain("The calls are throttled although the busiest minute settled only " + Format.text(Math.round(settled))
                        + " of the " + Format.text(limit) + " tokens per minute that " + q.code() + " applies. Bedrock "
                        + "reserves every input token of a request plus max_tokens (the model's maximum when unset; an "
                        + "extended-thinking budget counts inside max_tokens) when it starts, and settles the real usage "
                        + "only at the end, so a large max_tokens exhausts the quota long before the metrics show it. A "
                        + "bigger quota is not the first fix.")
                .proof(proof)
                .about(Optional.of(w.region()), w.account(), Optional.of(q.code()), Optional.of(w.model().raw()))
                .step(PlanStep.of(PlanStep.Kind.REDUCE_DEMAND, "Set maxTokens (inferenceConfig.maxTokens, or "
                        + "max_tokens in the request body) close to the longest answer you expect, thinking budget "
                        + "included, instead of leaving the model maximum.").in(w.region(), w.account())
                        .because("each call reserves its maximum output until it settles"))
                .step(PlanStep.of(PlanStep.Kind.RETEST, "Watch the throttles fall:")
                        .command(Commands.throttleMetrics(w.invokedId(), w.region(), now))
                        .link(Commands.metricsConsole(w.region())).in(w.region(), w.account())
                        .because("settled usage is far below the quota"))
                .build();
    }
}
