package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.ModelName;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMetric;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The evidence every finding about a request or a failing context shows, worded once. */
final class Facts {

    private Facts() {
    }

    static Proof request(Proof proof, IncreaseRequest r) {
        return proof.put("requestId", r.id())
                .put("caseId", r.caseId())
                .put("requestQuotaCode", r.quotaCode())
                .put("requestQuotaName", r.quotaName())
                .put("requestRegion", r.region())
                .put("requestAccount", r.account())
                .put("requester", r.requesterArn())
                .put("desiredValue", r.desiredValue())
                .put("status", r.rawStatus())
                .put("created", r.created())
                .put("lastUpdated", r.lastUpdated());
    }

    static Proof workload(Proof proof, Workload w) {
        proof.put("failingRegion", w.region())
                .put("failingAccount", w.account())
                .put("modelId", w.model().raw())
                .put("applicationInferenceProfile", w.profile().map(p -> p.arn() + p.name().map(n -> " (" + n + ")").orElse("")))
                .put("inferenceFamily", w.model().family().label()
                        + w.profile().map(p -> ", through the application inference profile that copies it").orElse(""))
                .put("regionConfirmedBy", w.confirmed() ? "CloudTrail failed calls" : "trigger only")
                .put("failedCalls", w.calls().isEmpty() ? null : w.calls().size());
        w.calls().stream().max(Comparator.comparing(FailedCall::time)).ifPresent(c -> proof
                .put("lastFailure", c.time())
                .put("lastError", c.errorCode() + c.errorMessage().map(m -> ": " + m).orElse(""))
                .put("principal", c.principalArn()));
        w.boundMetric().ifPresent(m -> proof.put("boundMetric", m.label()));
        proof.put("explicitRegionRetest", w.probes().stream()
                .map(p -> p.region() + ": " + p.outcome() + p.latencyMs().map(ms -> " (" + ms + " ms)").orElse("")
                        + p.message().filter(m -> !m.isBlank()).map(m -> " " + m).orElse(""))
                .toList());
        return proof;
    }

    static Proof quota(Proof proof, String prefix, Quota q) {
        return proof.put(prefix + "QuotaCode", q.code())
                .put(prefix + "QuotaName", q.name())
                .put(prefix + "Region", q.region())
                .put(prefix + "AppliedValue", q.applied())
                .put(prefix + "DefaultValue", q.awsDefault())
                .put(prefix + "Adjustable", q.adjustable());
    }

    static Proof demand(Proof proof, Demand d) {
        return proof.put("peakTokensPerMinute", d.peakTokensPerMinute().map(Format::number))
                .put("peakRequestsPerMinute", d.peakRequestsPerMinute().map(Format::number))
                .put("throttledRequests", d.throttles() > 0 ? Format.number(d.throttles()) : null)
                .put("tokensLast24h", d.tokensLastDay().map(Format::number))
                .put("outputBurndown", d.isKnown() ? d.burndown() + "x" : null)
                .put("demandSource", d.isKnown() ? d.source() : null);
    }

    /** "Request 1a2b (L-F4DDD3EB \"…\", desired 400000) in us-east-1": it always opens a sentence. */
    static String describe(IncreaseRequest r) {
        return "Request " + r.id() + " (" + r.quotaCode() + " \"" + r.quotaName() + "\", desired "
                + Format.text(r.desiredValue()) + ") in " + r.region();
    }

    static String describe(Quota q) {
        return q.code() + " \"" + q.name() + "\" in " + q.region();
    }

    static String since(Optional<Instant> time, Instant now) {
        return time.map(t -> t + " (" + Format.age(java.time.Duration.between(t, now)) + " before capture)").orElse("an unknown time");
    }

    /**
     * The step for calls no single quota was found to govern, saying exactly why: the region's catalogue
     * was not read, two quotas fit equally, or the catalogue read holds no quota of the calls' family
     * whose name fits the model.
     */
    static FindingDraft findTheQuota(FindingDraft draft, Workload w, Situation s) {
        String why;
        boolean read = s.evidence().region(w.region())
                .map(r -> r.has(EvidenceSection.SERVICE_QUOTAS) || r.has(EvidenceSection.DEFAULT_QUOTAS)).orElse(false);
        if (!w.ties().isEmpty()) {
            why = "several quotas fit these calls equally well: " + w.ties().stream()
                    .flatMap(List::stream).map(q -> q.code() + " \"" + q.name() + "\"").distinct()
                    .collect(java.util.stream.Collectors.joining(", ")) + "; pick the one for this model";
        } else if (!read) {
            why = "the quota catalogue of " + w.region() + " was not read";
        } else {
            int size = s.evidence().region(w.region()).map(r -> r.quotasFor(w.account()).size()).orElse(0);
            why = "the " + size + " quotas read in " + w.region() + " hold no " + w.model().family().label()
                    + " quota whose name fits " + w.model().name().map(ModelName::display).orElse(w.model().raw())
                    + (w.governing().isEmpty() ? "" : " for the metric that binds");
        }
        return draft.step("Find the quota that governs " + w.model().raw() + " in " + w.region() + " (" + why
                + "), then request the increase on it:", Commands.findQuota(w.region()));
    }

    /** The demand figure that the quota counts, if measured. */
    static Optional<Double> demandFor(Workload w, QuotaMetric metric) {
        return switch (metric) {
            case TOKENS_PER_MINUTE -> w.demand().peakTokensPerMinute();
            case REQUESTS_PER_MINUTE -> w.demand().peakRequestsPerMinute();
            case TOKENS_PER_DAY, CROSS_MODEL_TOKENS_PER_DAY -> w.demand().tokensLastDay();
            default -> Optional.empty();
        };
    }

    /**
     * The value to ask for on a quota: what was already asked for elsewhere, else the observed peak
     * with 25 % headroom when that is above the current value, else double the current value;
     * rounded up to a readable figure.
     */
    static double suggestedValue(Quota q, Workload w, Optional<Double> alreadyAsked) {
        double current = q.effectiveValue().orElse(0.0);
        double needed = demandFor(w, q.kind().metric()).map(d -> d * 1.25).orElse(0.0);
        double value = Math.max(alreadyAsked.orElse(needed > current ? needed : current * 2), current + 1);
        double step = Math.pow(10, Math.max(0, Math.floor(Math.log10(value)) - 1));
        return Math.ceil(value / step) * step;
    }
}
