package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.BedrockMetric;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.Endpoint;
import com.quotadoctor.domain.MetricSeries;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.InferenceProfile;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.domain.Probe;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMatcher;
import com.quotadoctor.domain.QuotaMetric;
import com.quotadoctor.domain.RegionEvidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds where calls fail: CloudTrail's failed calls say which account, region and model id were
 * really used; the trigger's regions and models fill in only where CloudTrail cannot confirm or refute.
 */
final class FailingContexts {

    private final DiagnosisRequest request;
    private final Evidence evidence;
    private final Settings settings;
    private final Catalogues catalogues;

    /** One account, region and model id as invoked (an ARN and its bare id are the same context). */
    private record Context(Optional<String> account, String region, ModelId model) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Context c && c.account.equals(account) && c.region.equals(region)
                    && c.model.invokedId().equals(model.invokedId());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(account, region, model.invokedId());
        }
    }

    FailingContexts(DiagnosisRequest request, Evidence evidence, Settings settings, Catalogues catalogues) {
        this.catalogues = catalogues;
        this.request = request;
        this.evidence = evidence;
        this.settings = settings;
    }

    List<Workload> find() {
        List<FailedCall> quotaFailures = evidence.failedCalls()
                .filter(c -> ErrorSignal.isQuotaError(c.errorCode()))
                .filter(c -> request.models().isEmpty() || c.modelId().isEmpty()
                        || request.models().stream().anyMatch(m -> m.sameInvocation(c.modelId().get())))
                .toList();
        Map<Context, List<FailedCall>> byContext = new LinkedHashMap<>();
        for (FailedCall call : quotaFailures) {
            for (ModelId model : modelsOf(call)) {
                Context context = new Context(call.account().or(request::account).or(evidence::callerAccount),
                        call.region(), model);
                byContext.computeIfAbsent(context, k -> new ArrayList<>()).add(call);
            }
        }
        List<Workload> found = new ArrayList<>();
        byContext.forEach((context, calls) ->
                found.add(workload(context.account(), context.region(), context.model(), calls, true)));
        // Nothing named the model: CloudWatch names every model throttled in each region read, whatever CloudTrail kept
        // (a busy workload's successes push its throttled calls out of the pages LookupEvents returns).
        if (request.models().isEmpty()) {
            for (RegionEvidence r : evidence.regions().values()) {
                if (!request.regions().isEmpty() && !request.regions().contains(r.region())) {
                    continue;
                }
                Optional<String> account = request.account().or(evidence::callerAccount);
                r.metrics().stream().filter(m -> m.of(account, evidence.callerAccount()))
                        .map(m -> m.modelId()).distinct()
                        .flatMap(id -> parsed(id).stream())
                        .filter(model -> found.stream().noneMatch(w -> w.region().equals(r.region())
                                && w.invokedId().equals(model.invokedId())))
                        .filter(model -> Demand.of(model, r.metrics(), evidence.capturedAt(), settings.recentWindow())
                                .throttles() > 0)
                        .forEach(model -> found.add(workload(account, r.region(), model, List.of(), false)));
            }
        }
        // bedrock-mantle: its inference calls are CloudTrail data events LookupEvents never returns, and it publishes no
        // throttle count; a model whose mantle 4xx count is above zero in the look back is a failing context there.
        for (RegionEvidence r : evidence.regions().values()) {
            if (!request.regions().isEmpty() && !request.regions().contains(r.region())) {
                continue;
            }
            Optional<String> account = request.account().or(evidence::callerAccount);
            r.metrics().stream().filter(m -> m.of(account, evidence.callerAccount()))
                    .filter(m -> BedrockMetric.of(m.metricName()).map(BedrockMetric::isMantle).orElse(false))
                    .map(MetricSeries::modelId).distinct()
                    .flatMap(id -> parsed(id).stream())
                    .filter(model -> request.models().isEmpty()
                            || request.models().stream().anyMatch(named -> named.sameInvocation(model.raw())))
                    .filter(model -> Demand.ofMantle(model, r.metrics(), evidence.capturedAt(), settings.recentWindow())
                            .throttles() > 0)
                    .forEach(model -> found.add(mantle(account, r.region(), model)));
        }
        // Regions the trigger names whose CloudTrail could not confirm or refute it stay in play.
        for (String region : requestedRegions()) {
            boolean refuted = !found.isEmpty() && evidence.region(region).map(r -> r.has(EvidenceSection.FAILED_CALLS)).orElse(false);
            for (ModelId model : request.models()) {
                boolean covered = found.stream().anyMatch(w -> w.region().equals(region) && w.invokedId().equals(model.invokedId()));
                if (!covered && !refuted) {
                    found.add(workload(request.account().or(evidence::callerAccount), region, model, List.of(), false));
                }
            }
        }
        return List.copyOf(found);
    }

    private List<String> requestedRegions() {
        if (!request.regions().isEmpty()) {
            return request.regions();
        }
        // No region named: the regions whose metrics show throttling for the named models.
        return evidence.regions().values().stream()
                .filter(r -> request.models().stream().anyMatch(m ->
                        Demand.of(m, r.metrics(), evidence.capturedAt(), settings.recentWindow()).throttles() > 0))
                .map(RegionEvidence::region)
                .toList();
    }

    private static Optional<ModelId> parsed(String id) {
        try {
            return Optional.of(ModelId.parse(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Workload mantle(Optional<String> account, String region, ModelId model) {
        List<QuotaMatcher.Match> matches = QuotaMatcher.governingOnMantle(model, catalogues.of(region, account));
        List<Quota> governing = matches.stream().map(QuotaMatcher.Match::quota).flatMap(Optional::stream).toList();
        List<List<Quota>> ties = matches.stream().filter(QuotaMatcher.Match::ambiguous).map(QuotaMatcher.Match::tied).toList();
        Demand demand = evidence.region(region).map(r -> Demand.ofMantle(model, r.metrics().stream()
                        .filter(m -> m.of(account, evidence.callerAccount())).toList(), evidence.capturedAt(),
                        settings.recentWindow())).orElse(Demand.UNKNOWN);
        // mantle refuses a call on its input quota only: input + max_tokens at admission
        return new Workload(account, region, model, Optional.empty(), List.of(), false, governing, ties, demand,
                Optional.of(QuotaMetric.TOKENS_PER_MINUTE), List.of(), Endpoint.MANTLE);
    }

    private List<ModelId> modelsOf(FailedCall call) {
        if (call.modelId().isPresent()) {
            try {
                return List.of(ModelId.parse(call.modelId().get()));
            } catch (IllegalArgumentException e) {
                return request.models();
            }
        }
        return request.models();
    }

    private Workload workload(Optional<String> account, String region, ModelId invoked, List<FailedCall> calls,
                              boolean confirmed) {
        Optional<RegionEvidence> here = evidence.region(region);
        Optional<InferenceProfile> profile = invoked.isApplicationProfile()
                ? evidence.inferenceProfile(invoked.raw()) : Optional.empty();
        ModelId model = profile.flatMap(InferenceProfile::copies).orElse(invoked);
        List<QuotaMatcher.Match> matches = here.isPresent()
                ? QuotaMatcher.governing(model, catalogues.of(region, account)) : List.of();
        List<Quota> governing = matches.stream().map(QuotaMatcher.Match::quota).flatMap(Optional::stream).toList();
        List<List<Quota>> ties = matches.stream().filter(QuotaMatcher.Match::ambiguous).map(QuotaMatcher.Match::tied).toList();
        // this account's traffic only: a member account's series read through its role are its own demand
        Demand demand = here.map(r -> Demand.of(invoked, r.metrics().stream()
                        .filter(m -> m.of(account, evidence.callerAccount())).toList(), evidence.capturedAt(),
                        settings.recentWindow()))
                .orElse(Demand.UNKNOWN);
        // A metric the errors name but the model has no quota for ("Too many requests" to a model AWS lists with
        // tokens per minute only) binds nothing: the evidence must not claim it under another metric's code.
        Optional<QuotaMetric> bound = boundMetric(calls).filter(m -> governing.isEmpty()
                || governing.stream().anyMatch(q -> q.kind().metric() == m
                || (m.isDaily() && q.kind().metric().isDaily())));
        List<Probe> probes = here.map(r -> r.probes().stream().filter(p -> invoked.sameInvocation(p.modelId())).toList())
                .orElse(List.of());
        return new Workload(account, region, model, profile, calls, confirmed, governing, ties, demand, bound, probes,
                Endpoint.RUNTIME);
    }

    /** The metric the calls' own error messages point at, else the trigger's error message. */
    private Optional<QuotaMetric> boundMetric(List<FailedCall> calls) {
        Map<QuotaMetric, Long> votes = calls.stream()
                .map(c -> new ErrorSignal(Optional.of(c.errorCode()), c.errorMessage()).boundMetric())
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        Optional<QuotaMetric> fromCalls = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        return fromCalls.or(() -> request.error().boundMetric());
    }
}
