package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Endpoint;
import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.InferenceProfile;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.domain.Probe;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMetric;

import java.util.List;
import java.util.Optional;

/**
 * Where calls fail: one account, one region, one model id, with what was seen there.
 *
 * @param model        the model whose quotas the calls draw on: what an application inference profile copies,
 *                     else the id as called
 * @param profile      the application inference profile the calls go through, when they use one
 * @param calls        the failed calls CloudTrail recorded for this context
 * @param confirmed    true when CloudTrail confirmed the context; false when it only comes from the trigger
 * @param governing    the runtime quotas of this region that these calls draw from, one per metric
 * @param ties         per metric, the quotas that fit these calls equally well (none governs until resolved)
 * @param boundMetric  the metric the errors point at, if any says
 * @param probes       explicit-region retests of this model, in this region
 * @param endpoint     where the calls go: bedrock-runtime, or bedrock-mantle with its own quotas
 */
public record Workload(Optional<String> account, String region, ModelId model, Optional<InferenceProfile> profile,
                       List<FailedCall> calls,
                       boolean confirmed, List<Quota> governing, List<List<Quota>> ties, Demand demand,
                       Optional<QuotaMetric> boundMetric, List<Probe> probes, Endpoint endpoint) {

    public Workload {
        calls = List.copyOf(calls);
        governing = List.copyOf(governing);
        ties = ties.stream().map(List::copyOf).toList();
        probes = List.copyOf(probes);
    }

    /** The daily value these calls get from {@code q}: the shared on-demand quota is doubled for cross-region calls. */
    public double dailyLimit(Quota q) {
        double value = q.effectiveValue().orElse(0.0);
        return Math.max(1, dailyDoubled(q) ? 2 * value : value);
    }

    /** True when these calls get twice {@code q}'s applied value a day: cross-region calls of the shared on-demand quota. */
    public boolean dailyDoubled(Quota q) {
        return q.kind().countsDoubleFor(model.family());
    }

    /** Of the daily quotas these calls draw on, the one the last 24 hours used most of. */
    public Optional<Quota> tightestDaily() {
        Optional<Double> used = demand.tokensLastDay();
        return governing.stream().filter(q -> q.kind().metric().isDaily() && q.effectiveValue().isPresent())
                .max(java.util.Comparator.comparingDouble(q -> used.orElse(0.0) / dailyLimit(q)));
    }

    public Optional<Quota> governing(QuotaMetric metric) {
        return governing.stream().filter(q -> q.kind().metric() == metric).findFirst();
    }

    /**
     * The quota the errors point at; when they point at none, the tokens-per-minute quota (the one that
     * throttles most), else the model's only runtime quota (concurrency for Nova Sonic). A metric the
     * errors name but the model has no quota for binds nothing: it is never pinned on another metric's code.
     */
    public Optional<Quota> bindingQuota() {
        if (boundMetric.isPresent()) {
            QuotaMetric m = boundMetric.get();
            return m == QuotaMetric.TOKENS_PER_DAY
                    ? governing(QuotaMetric.TOKENS_PER_DAY).or(() -> governing(QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY))
                    : governing(m);
        }
        return governing(QuotaMetric.TOKENS_PER_MINUTE).or(() -> governing.size() == 1 ? Optional.of(governing.get(0)) : Optional.empty());
    }

    /** The quota family the calls draw on: bedrock-mantle's for calls there, else the one the model id says. */
    public InferenceFamily family() {
        return endpoint == Endpoint.MANTLE ? InferenceFamily.MANTLE : model.family();
    }

    /** The id the calls were made with: the application profile's ARN, else the model id. */
    public String invokedId() {
        return profile.map(InferenceProfile::arn).orElse(model.invokedId());
    }

    public boolean isFailing() {
        return !calls.isEmpty() || demand.throttles() > 0;
    }
}
