package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.ModelId;
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
                .put("inferenceFamily", w.family().label()
                        + w.profile().map(p -> ", through the application inference profile that copies it").orElse(""))
                .put("endpoint", w.endpoint() == com.quotadoctor.domain.Endpoint.MANTLE
                        ? "bedrock-mantle (its own quotas)" : null)
                .put("regionConfirmedBy", w.confirmed() ? "CloudTrail failed calls"
                        : w.endpoint() == com.quotadoctor.domain.Endpoint.MANTLE
                        ? "AWS/BedrockMantle InferenceClientErrors (4xx: AWS publishes no separate throttle count)"
                        : w.demand().throttles() > 0 ? "AWS/Bedrock InvocationThrottles" : "trigger only")
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
                .put(d.source().startsWith(com.quotadoctor.domain.BedrockMetric.MANTLE_NAMESPACE) ? "clientErrors"
                        : "throttledRequests", d.throttles() > 0 ? Format.number(d.throttles()) : null)
                .put("tokensLast24h", d.tokensLastDay().map(Format::number))
                .put("outputBurndown", d.isKnown() && !d.source().startsWith(
                        com.quotadoctor.domain.BedrockMetric.MANTLE_NAMESPACE) ? d.burndown() + "x" : null)
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
            int size = s.catalogue(w.region(), w.account()).size();
            why = "the " + size + " quotas read in " + w.region() + " hold no " + w.model().family().label()
                    + " quota whose name fits " + w.model().name().map(ModelName::display).orElse(w.model().raw())
                    + (w.governing().isEmpty() ? "" : " for the metric that binds");
        }
        return draft.step(PlanStep.of(PlanStep.Kind.FIND_QUOTA, "Find the quota that governs " + w.model().raw()
                        + " in " + w.region() + " (" + why + "), then request the increase on it:")
                .command(Commands.findQuota(w.region())).in(w.region(), w.account())
                .because("no single quota of the catalogue read was found to govern these calls"));
    }

    /** Reading a quota request's support case: the CLI where the support plan allows it, the Support Center always. */
    static PlanStep readCase(String displayId, String action) {
        return PlanStep.of(PlanStep.Kind.FOLLOW_REQUEST, action.replaceFirst(":$", "") + "; the Support API needs a "
                        + "Business or Enterprise support plan, the Support Center link works on every plan:")
                .command(Commands.describeCase(displayId)).link(Commands.caseConsole(displayId))
                .because("AWS Support answers on case " + displayId);
    }

    /**
     * How to set a client's region, in every SDK's terms: the environment variable every current SDK and CLI v2
     * read, the one boto3 and CLI v1 read, the shared config file, and the client setting.
     */
    static String regionSetting(String region) {
        return "AWS_REGION=" + region + " in the environment (every current AWS SDK and CLI v2; boto3 and CLI v1 read "
                + "AWS_DEFAULT_REGION=" + region + "), region = " + region + " in the profile of ~/.aws/config, or the "
                + "client's own setting (Java Region.of(\"" + region + "\"), Python region_name='" + region
                + "', JavaScript { region: '" + region + "' })";
    }

    /**
     * The steps that move calls to another model id (another inference family): for calls through an application
     * inference profile, a new profile copying the system profile or model; otherwise the id itself.
     */
    static FindingDraft moveTo(FindingDraft draft, Workload w, ModelId target, String why) {
        if (w.profile().isPresent()) {
            String partition = w.profile().get().arn().split(":")[1]; // aws, aws-cn, aws-us-gov
            String source = target.family() == com.quotadoctor.domain.InferenceFamily.ON_DEMAND
                    ? "arn:" + partition + ":bedrock:" + w.region() + "::foundation-model/" + target.invokedId()
                    : "arn:" + partition + ":bedrock:" + w.region() + ":" + w.account().orElse("<account>")
                    + ":inference-profile/" + target.invokedId();
            String name = w.profile().get().name().orElse("profile") + "-" + target.family().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-');
            return draft.step(PlanStep.of(PlanStep.Kind.CHANGE_CLIENT, "The calls go through application inference "
                            + "profile " + w.profile().get().arn() + ", which copies " + w.model().invokedId()
                            + ". Create one that copies " + target.invokedId() + " and point the client at its ARN:")
                    .command("aws bedrock create-inference-profile --inference-profile-name " + Commands.quote(name)
                            + " --model-source copyFrom=" + Commands.quote(source) + " --region " + Commands.quote(w.region()))
                    .in(w.region(), w.account()).because(why));
        }
        return draft.step(PlanStep.of(PlanStep.Kind.CHANGE_CLIENT, "Invoke " + target.invokedId() + " instead of "
                        + w.model().invokedId() + " (the model id in the client's request), then retest:")
                .command(Commands.retest(target, w.region())).in(w.region(), w.account()).because(why));
    }

    /** What an increase asks above the observed peak: room for growth and for the minute metrics smooth away. */
    static final double HEADROOM = Asking.HEADROOM;

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
        double needed = demandFor(w, q.kind().metric()).map(d -> d * HEADROOM).orElse(0.0);
        return readable(Math.max(alreadyAsked.orElse(needed > current ? needed : current * 2), current + 1));
    }

    /**
     * Requests per minute, one truth (AWS's runtime-quota page): they apply on bedrock-runtime to the models Service
     * Quotas lists a requests-per-minute quota for, and never on bedrock-mantle.
     */
    static final String REQUESTS_PER_MINUTE = "Requests-per-minute quotas apply on bedrock-runtime to the models Service "
            + "Quotas lists one for (and never on bedrock-mantle)";

    /**
     * Where calls of {@code family} could move for more throughput: on-demand to a geographic or global cross-Region
     * profile, a geographic profile to a global one; a global profile has nowhere further (never the family the calls
     * are already on).
     */
    static Optional<String> otherFamily(com.quotadoctor.domain.InferenceFamily family) {
        return switch (family) {
            case ON_DEMAND -> Optional.of("a cross-Region inference profile (us./eu./apac./… or global.)");
            case CROSS_REGION -> Optional.of("the model's global. cross-Region inference profile");
            default -> Optional.empty();
        };
    }

    /** Rounded up to two significant digits: 312,345 asks for 320,000. */
    static double readable(double value) {
        return Asking.readable(value);
    }
}
