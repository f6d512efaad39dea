package com.quotadoctor.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which quota of a catalogue governs calls to a model: within the family and metric the call draws
 * from, the quota whose model name fits the model id best. Two equally good candidates are an
 * ambiguity, never a guess.
 */
public final class QuotaMatcher {

    /** The metrics a runtime call can be bound by, in the order findings name them. */
    public static final List<QuotaMetric> RUNTIME_METRICS = List.of(QuotaMetric.TOKENS_PER_MINUTE,
            QuotaMetric.REQUESTS_PER_MINUTE, QuotaMetric.TOKENS_PER_DAY, QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY,
            QuotaMetric.CONCURRENT_REQUESTS);

    /**
     * The outcome for one metric.
     *
     * @param metric  what was searched for
     * @param quota   the governing quota, when exactly one fits best
     * @param tied    the equally good candidates when the catalogue cannot tell them apart
     */
    public record Match(QuotaMetric metric, Optional<Quota> quota, List<Quota> tied) {
        public Match {
            tied = List.copyOf(tied);
        }

        public boolean ambiguous() {
            return !tied.isEmpty();
        }
    }

    private QuotaMatcher() {
    }

    /** The governing quota of every runtime metric the catalogue has for this call; absent metrics are left out. */
    /** bedrock-mantle's two quotas for this model: input tokens per minute (which refuses calls) and output. */
    public static List<Match> governingOnMantle(ModelId call, Collection<Quota> catalogue) {
        List<Match> out = new ArrayList<>();
        for (QuotaMetric metric : List.of(QuotaMetric.TOKENS_PER_MINUTE, QuotaMetric.OUTPUT_TOKENS_PER_MINUTE)) {
            Match match = call.name().map(n -> best(n, InferenceFamily.MANTLE, metric, catalogue))
                    .orElse(new Match(metric, Optional.empty(), List.of()));
            if (match.quota().isPresent() || match.ambiguous()) {
                out.add(match);
            }
        }
        return out;
    }

    public static List<Match> governing(ModelId call, Collection<Quota> catalogue) {
        List<Match> out = new ArrayList<>();
        for (QuotaMetric metric : RUNTIME_METRICS) {
            Match match = call.name().map(n -> best(n, call.family(), metric, catalogue))
                    .orElse(new Match(metric, Optional.empty(), List.of()));
            if (match.quota().isPresent() || match.ambiguous()) {
                out.add(match);
            }
        }
        return out;
    }

    /** The quota of {@code metric} that governs {@code family} calls to the model {@code name}, the tie, or nothing. */
    public static Match best(ModelName name, InferenceFamily family, QuotaMetric metric, Collection<Quota> catalogue) {
        return rank(name, family, metric, catalogue).match(metric);
    }

    /** The candidates that fit best and their score; empty when none fits. */
    private record Ranking(OptionalDouble top, List<Quota> best) {

        Match match(QuotaMetric metric) {
            return best.size() == 1 ? new Match(metric, Optional.of(best.get(0)), List.of())
                    : new Match(metric, Optional.empty(), best);
        }
    }

    private static Ranking rank(ModelName name, InferenceFamily family, QuotaMetric metric, Collection<Quota> catalogue) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Quota> byCode = new LinkedHashMap<>();
        for (Quota q : catalogue) {
            if (q.kind().metric() != metric || !q.kind().governs(family)) {
                continue;
            }
            OptionalDouble fit = fit(q, name, metric);
            if (fit.isPresent()) {
                scores.merge(q.code(), fit.getAsDouble(), Math::max);
                byCode.putIfAbsent(q.code(), q);
            }
        }
        if (scores.isEmpty()) {
            return new Ranking(OptionalDouble.empty(), List.of());
        }
        double top = scores.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        List<Quota> best = scores.entrySet().stream().filter(e -> e.getValue() == top)
                .map(e -> byCode.get(e.getKey())).toList();
        return new Ranking(OptionalDouble.of(top), best);
    }

    private static OptionalDouble fit(Quota q, ModelName name, QuotaMetric metric) {
        return metric == QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY ? OptionalDouble.of(0)
                : q.kind().model().map(m -> m.fit(name)).orElse(OptionalDouble.empty());
    }

    /**
     * {@link #isGoverning} for many quotas against the same few catalogues: each catalogue is ranked once per model,
     * family and metric, so setting N requests against a catalogue of N quotas costs N + N, not N × N. A catalogue is
     * known by identity (the diagnosis builds each once); not thread-safe.
     */
    public static final class Memo {
        private final Map<Collection<Quota>, Map<List<Object>, Ranking>> rankings = new java.util.IdentityHashMap<>();
        private final Map<Collection<Quota>, java.util.Set<String>> codes = new java.util.IdentityHashMap<>();

        public boolean isGoverning(Quota quota, ModelName name, Collection<Quota> catalogue) {
            QuotaMetric metric = quota.kind().metric();
            InferenceFamily family = quota.kind().family();
            Ranking ranking = rankings.computeIfAbsent(catalogue, c -> new java.util.HashMap<>())
                    .computeIfAbsent(List.of(name, family, metric), k -> rank(name, family, metric, catalogue));
            boolean listed = codes.computeIfAbsent(catalogue, c -> {
                java.util.Set<String> all = new java.util.HashSet<>();
                c.forEach(q -> all.add(q.code().toUpperCase(java.util.Locale.ROOT)));
                return all;
            }).contains(quota.code().toUpperCase(java.util.Locale.ROOT));
            if (listed) {
                return ranking.best().size() == 1 && ranking.best().get(0).code().equalsIgnoreCase(quota.code());
            }
            // not in the catalogue: it governs when it fits, and fits better than every listed candidate
            if (!quota.kind().governs(family)) {
                return false;
            }
            OptionalDouble fit = fit(quota, name, metric);
            return fit.isPresent() && (ranking.top().isEmpty() || fit.getAsDouble() > ranking.top().getAsDouble());
        }
    }

    /**
     * Whether a quota is the one that governs calls to the model {@code name} in the quota's own family and
     * metric, judged against the catalogue it belongs to (so a sibling that fits better wins), or on its own
     * when no catalogue is at hand.
     */
    public static boolean isGoverning(Quota quota, ModelName name, Collection<Quota> catalogue) {
        Collection<Quota> candidates = catalogue;
        if (catalogue.stream().noneMatch(q -> q.code().equalsIgnoreCase(quota.code()))) {
            List<Quota> withIt = new ArrayList<>(catalogue);
            withIt.add(quota);
            candidates = withIt;
        }
        Match match = best(name, quota.kind().family(), quota.kind().metric(), candidates);
        return match.quota().map(q -> q.code().equalsIgnoreCase(quota.code())).orElse(false);
    }
}
