package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.Quota;

import java.util.List;
import java.util.Optional;

/**
 * Throttled on the Flex service tier while the quota has room: "During periods of high demand, Flex requests receive
 * lower priority relative to the Standard tier" (AWS What's New, Priority and Flex tiers, November 2025), and the
 * on-demand quota is "shared across the priority, default, and flex service tiers" (Bedrock User Guide, service
 * tiers). That is capacity on the tier, not the quota: a bigger quota would not have served these calls.
 */
final class FlexTierThrottledRule implements DiagnosisRule {

    @Override
    public FindingCode code() {
        return FindingCode.FLEX_TIER_THROTTLED;
    }

    /** Every failed call CloudTrail kept asked for Flex, and the busiest minute stayed under the quota's usage bar. */
    static boolean applies(Workload w, Settings settings) {
        Optional<Quota> binding = w.bindingQuota();
        Optional<Double> peak = w.demand().peakTokensPerMinute();
        return !w.calls().isEmpty() && w.calls().stream().allMatch(FailedCall::onFlex) && binding.isPresent()
                && binding.get().kind().metric() == com.quotadoctor.domain.QuotaMetric.TOKENS_PER_MINUTE
                && binding.get().effectiveValue().isPresent() && peak.isPresent()
                && peak.get() < settings.usageRatio() * binding.get().effectiveValue().get();
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        return s.workloads().stream().filter(w -> applies(w, s.settings())).map(w -> finding(w, s)).toList();
    }

    private Finding finding(Workload w, Situation s) {
        Quota q = w.bindingQuota().orElseThrow();
        double limit = q.effectiveValue().orElseThrow();
        double peak = w.demand().peakTokensPerMinute().orElseThrow();
        Proof proof = Facts.quota(Facts.workload(new Proof(), w), "governing", q);
        Facts.demand(proof, w.demand());
        proof.put("serviceTier", "flex (every failed call CloudTrail kept)");
        return FindingDraft.of(code(), Severity.WARNING)
                .title("Flex-tier throttles at " + Format.percent(peak, limit) + " of the quota: capacity, not quota")
                .explain("The " + w.calls().size() + " throttled calls of " + w.invokedId() + " in " + w.region()
                        + " asked for the Flex service tier, and the busiest minute used " + Format.text(Math.round(peak))
                        + " of the " + Format.text(limit) + " that " + q.code() + " applies. Flex requests get lower "
                        + "priority than Standard when demand is high, and a model's quota is one for the Priority, "
                        + "Standard and Flex tiers together, so raising it would not have served these calls.")
                .proof(proof)
                .about(Optional.of(w.region()), w.account(), Optional.of(q.code()), Optional.of(w.model().raw()))
                .step(PlanStep.of(PlanStep.Kind.REDUCE_DEMAND, "Retry Flex calls later with backoff, or send the calls "
                        + "that cannot wait on the default tier (omit serviceTier) or Priority.").in(w.region(), w.account())
                        .because("Flex takes what capacity Standard leaves; the quota has room"))
                .step(PlanStep.of(PlanStep.Kind.RETEST, "Watch the throttles:")
                        .command(Commands.throttleMetrics(w.invokedId(), w.region(), s.now()))
                        .link(Commands.metricsConsole(w.region())).in(w.region(), w.account())
                        .because("no increase is asked"))
                .build();
    }
}
