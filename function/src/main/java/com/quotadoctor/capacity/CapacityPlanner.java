package com.quotadoctor.capacity;

import com.quotadoctor.domain.Endpoint;
import com.quotadoctor.diagnosis.Asking;
import com.quotadoctor.diagnosis.Format;
import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.InferenceProfile;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.domain.ModelName;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMatcher;
import com.quotadoctor.domain.QuotaMetric;
import com.quotadoctor.domain.RegionEvidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Expected traffic against an account's quotas, with the diagnosis's own matcher: for each workload and region, the
 * quotas that govern its calls (family, metric, endpoint; the shared daily quota doubled for cross-region calls), what
 * it needs of each (settled tokens with the output burndown, the max_tokens reservation, requests, tokens a day), and
 * the verdict. Workloads that share a quota are judged together. Pure: the evidence comes in, the plan goes out.
 */
public final class CapacityPlanner {

    private static final List<QuotaMetric> RUNTIME = List.of(QuotaMetric.TOKENS_PER_MINUTE,
            QuotaMetric.REQUESTS_PER_MINUTE, QuotaMetric.TOKENS_PER_DAY, QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY);

    /** One need before the workloads sharing its quota are added up. */
    private record Draft(String workload, String region, Optional<String> account, String measure, Optional<Quota> quota,
                         double needed, Optional<Double> limit, String arithmetic, Optional<Alternative> alternative) {
        String key() {
            return quota.map(q -> q.code() + "|" + region + "|" + account.orElse("")).orElse(workload + "|" + measure);
        }
    }

    public CapacityPlan plan(List<ExpectedWorkload> workloads, Evidence evidence) {
        List<Draft> drafts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ExpectedWorkload w : workloads) {
            for (String region : w.regions()) {
                Optional<RegionEvidence> read = evidence.region(region)
                        .filter(r -> r.has(EvidenceSection.SERVICE_QUOTAS) || r.has(EvidenceSection.DEFAULT_QUOTAS));
                Optional<String> account = w.account().or(evidence::callerAccount);
                if (read.isEmpty()) {
                    drafts.add(unjudged(w, region, account, "the region's quotas were not read (not in the evidence): "
                            + "capture it, or plan live"));
                    continue;
                }
                // a value that applies is one read for this account: the defaults alone, or another account's values,
                // say nothing of what applies here
                boolean valuesRead = read.get().has(EvidenceSection.SERVICE_QUOTAS) && (account.isEmpty()
                        || read.get().quotas().stream().anyMatch(q -> q.account().equals(account)));
                List<Quota> catalogue = read.get().quotasFor(account).stream()
                        .map(q -> valuesRead ? q : new Quota(q.code(), q.name(), q.kind(), q.region(), q.account(),
                                Optional.empty(), q.awsDefault(), q.adjustable(), false)).toList();
                if (w.endpoint() == Endpoint.MANTLE) {
                    drafts.addAll(mantle(w, region, account, catalogue));
                    continue;
                }
                Optional<ModelId> model = resolved(w.model(), read.get(), evidence);
                if (model.isEmpty()) {
                    drafts.add(unjudged(w, region, account, "the application inference profile " + w.model().raw()
                            + " is not described in the evidence: capture with it named (--model), or plan with the "
                            + "model it copies"));
                    continue;
                }
                drafts.addAll(runtime(w, model.get(), region, account, catalogue));
            }
        }
        return new CapacityPlan(evidence.capturedAt(), judged(drafts, evidence), notes, evidence.allGaps());
    }

    /** The measure of a row that stands for every quota of a workload and region, none of which could be judged. */
    static final String ALL_QUOTAS = "quotas";

    /** A workload and region nothing could be judged for: a row that says why, counted as needing action. */
    private static Draft unjudged(ExpectedWorkload w, String region, Optional<String> account, String why) {
        return new Draft(w.name(), region, account, ALL_QUOTAS, Optional.empty(), 0, Optional.empty(), why,
                Optional.empty());
    }

    private static Optional<ModelId> resolved(ModelId model, RegionEvidence region, Evidence evidence) {
        if (!model.isApplicationProfile()) {
            return Optional.of(model);
        }
        return region.inferenceProfiles().stream().filter(p -> p.isNamedBy(model.raw())).findFirst()
                .or(() -> evidence.inferenceProfile(model.raw())).flatMap(InferenceProfile::copies);
    }

    private static List<Draft> runtime(ExpectedWorkload w, ModelId model, String region, Optional<String> account,
                                       List<Quota> catalogue) {
        List<Draft> out = new ArrayList<>();
        int burndown = model.outputBurndown();
        Map<QuotaMetric, QuotaMatcher.Match> matches = new LinkedHashMap<>();
        QuotaMatcher.governing(model, catalogue).forEach(m -> matches.put(m.metric(), m));
        for (QuotaMetric metric : RUNTIME) {
            QuotaMatcher.Match match = matches.get(metric);
            if (match == null || match.quota().isEmpty()) {
                if (metric == QuotaMetric.TOKENS_PER_MINUTE || metric == QuotaMetric.REQUESTS_PER_MINUTE) {
                    out.add(new Draft(w.name(), region, account, metric.label(), Optional.empty(), need(w, metric, burndown),
                            Optional.empty(), arithmetic(w, metric, burndown) + (match != null && match.ambiguous()
                            ? "; the catalogue lists several equally fitting quotas" : ""), Optional.empty()));
                }
                continue;
            }
            Quota q = match.quota().get();
            boolean doubled = q.kind().countsDoubleFor(model.family());
            Optional<Double> limit = q.effectiveValue().map(v -> doubled ? 2 * v : v);
            String arithmetic = arithmetic(w, metric, burndown) + (doubled ? "; the daily quota counts double for "
                    + "cross-region calls" : "");
            out.add(new Draft(w.name(), region, account, metric.label(), Optional.of(q), need(w, metric, burndown), limit,
                    arithmetic, alternative(w, model, region, metric, burndown, catalogue, q)));
        }
        return out;
    }

    /** What the workload needs of a quota of this metric, per minute at peak or per day at its usual rate. */
    private static double need(ExpectedWorkload w, QuotaMetric metric, int burndown) {
        ExpectedWorkload.CallTokens t = w.tokens();
        return switch (metric) {
            case REQUESTS_PER_MINUTE -> w.peak();
            case TOKENS_PER_MINUTE -> w.peak() * Math.max(t.settled(burndown), t.reserved().orElse(0.0));
            case TOKENS_PER_DAY, CROSS_MODEL_TOKENS_PER_DAY -> w.usual() * 60 * w.hoursPerDay() * t.settled(burndown);
            default -> 0;
        };
    }

    /** How the need was computed, every figure shown. */
    static String arithmetic(ExpectedWorkload w, QuotaMetric metric, int burndown) {
        ExpectedWorkload.CallTokens t = w.tokens();
        String settled = n(t.input()) + " in" + (t.cacheWrite() > 0 ? " + " + n(t.cacheWrite()) + " cache write" : "")
                + " + " + (burndown == 1 ? n(t.output()) + " out" : burndown + " × " + n(t.output()) + " out");
        return switch (metric) {
            case REQUESTS_PER_MINUTE -> n(w.peak()) + " calls/min at peak";
            case TOKENS_PER_MINUTE -> {
                String line = n(w.peak()) + " calls/min × (" + settled + ") = " + n(w.peak() * t.settled(burndown))
                        + " settled";
                if (t.reserved().isPresent()) {
                    double reserved = t.reserved().get();
                    line += "; reserved at start: " + n(w.peak()) + " × (" + n(t.input() + t.cacheWrite() + t.cacheRead())
                            + " in + max_tokens " + n(t.maxTokens().orElseThrow()) + ") = " + n(w.peak() * reserved)
                            + (reserved > t.settled(burndown) ? ", the larger" : "")
                            + t.thinkingBudget().map(b -> " (thinking budget " + n(b) + " inside max_tokens)").orElse("");
                }
                yield line + (burndown > 1 ? " (output burndown " + burndown + "×)" : "");
            }
            case TOKENS_PER_DAY, CROSS_MODEL_TOKENS_PER_DAY -> n(w.usual()) + " calls/min × 60 × " + n(w.hoursPerDay())
                    + " h × (" + settled + ") = " + n(w.usual() * 60 * w.hoursPerDay() * t.settled(burndown))
                    + " a day";
            default -> "";
        };
    }

    /** Mantle: input + max_tokens against the input quota (cached input not counted), output against the output. */
    private static List<Draft> mantle(ExpectedWorkload w, String region, Optional<String> account, List<Quota> catalogue) {
        ExpectedWorkload.CallTokens t = w.tokens();
        List<Draft> out = new ArrayList<>();
        double input = t.input() + t.cacheWrite() + t.maxTokens().orElse(0.0);
        out.add(mantleDraft(w, region, account, catalogue, "input", input, n(w.peak()) + " calls/min × (" + n(t.input()
                + t.cacheWrite()) + " in" + t.maxTokens().map(m -> " + max_tokens " + n(m)).orElse("") + ") = "
                + n(w.peak() * input) + " (cached input not counted)"));
        out.add(mantleDraft(w, region, account, catalogue, "output", t.output(), n(w.peak()) + " calls/min × " + n(t.output())
                + " out = " + n(w.peak() * t.output())));
        return out;
    }

    private static Draft mantleDraft(ExpectedWorkload w, String region, Optional<String> account, List<Quota> catalogue,
                                     String direction, double perCall, String arithmetic) {
        String phrase = "mantle " + direction + " tokens per minute";
        List<Quota> mine = catalogue.stream().filter(q -> q.name().toLowerCase(Locale.ROOT).contains(phrase)).toList();
        QuotaMetric metric = direction.equals("input") ? QuotaMetric.TOKENS_PER_MINUTE : QuotaMetric.OUTPUT_TOKENS_PER_MINUTE;
        Optional<Quota> quota = w.model().name().flatMap(name -> QuotaMatcher.best(name, InferenceFamily.MANTLE, metric,
                mine).quota());
        return new Draft(w.name(), region, account, "Mantle " + direction + " tokens per minute", quota,
                w.peak() * perCall, quota.flatMap(Quota::effectiveValue), arithmetic, Optional.empty());
    }

    /** Another family's id for these calls and the quota it would draw on (another quota than the one that's stuck). */
    private record Alternative(String id, Quota quota) {
    }

    /** Each other runtime family's quota of the same metric for these calls; judged in {@link #judged} on totals. */
    private static Optional<Alternative> alternative(ExpectedWorkload w, ModelId model, String region, QuotaMetric metric,
                                                     int burndown, List<Quota> catalogue, Quota current) {
        if (current.isAdjustable()) {
            return Optional.empty();
        }
        for (InferenceFamily family : List.of(InferenceFamily.CROSS_REGION, InferenceFamily.GLOBAL, InferenceFamily.ON_DEMAND)) {
            Optional<ModelId> other = family == model.family() ? Optional.empty() : model.inFamily(family, region);
            Optional<Quota> q = other.flatMap(ModelId::name)
                    .flatMap(name -> QuotaMatcher.best(name, family, metric, catalogue).quota())
                    .filter(found -> !found.code().equalsIgnoreCase(current.code())); // the shared daily quota is no way out
            if (q.isPresent()) {
                return Optional.of(new Alternative(other.get().raw(), q.get()));
            }
        }
        return Optional.empty();
    }

    /** Where the calls would fit instead: the other family's quota judged on everything planned on it plus this need. */
    private static String way(Draft d, Map<String, Double> together) {
        if (d.alternative().isEmpty()) {
            return "no other inference family of this model has a " + d.measure() + " quota here: spread the calls over "
                    + "another region";
        }
        Alternative a = d.alternative().get();
        double onIt = together.getOrDefault(a.quota().code() + "|" + d.region() + "|" + d.account().orElse(""), 0.0)
                + d.needed();
        Optional<Double> applies = a.quota().effectiveValue();
        boolean fits = applies.map(v -> v >= onIt).orElse(false);
        return "call " + a.id() + " instead: its " + d.measure() + " quota " + a.quota().code() + " applies "
                + applies.map(Format::text).orElse("an unread value") + (fits ? ", enough for the " + n(onIt)
                + " it would then carry" : a.quota().isAdjustable() ? ", short of the " + n(onIt) + " it would then carry, "
                + "and can be raised" : ", short of the " + n(onIt) + " it would then carry, and can't be raised either");
    }

    /**
     * The drafts judged, workloads sharing a quota added up. An open request covers the need when it asks enough; when
     * it asks too little nothing can be filed beside it (AWS takes one open request per quota): the row says so.
     */
    private static List<Need> judged(List<Draft> drafts, Evidence evidence) {
        Map<String, Double> together = new LinkedHashMap<>();
        drafts.forEach(d -> together.merge(d.key(), d.needed(), Double::sum));
        List<Need> out = new ArrayList<>();
        for (Draft d : drafts) {
            double total = together.get(d.key());
            Optional<IncreaseRequest> open = d.quota().flatMap(q -> evidence.requests()
                    .filter(r -> r.quotaCode().equalsIgnoreCase(q.code()) && r.region().equals(d.region())
                            && (r.account().isEmpty() || d.account().isEmpty() || r.account().equals(d.account()))
                            && r.status().isOpen())
                    .findFirst());
            Need.Verdict verdict;
            if (d.measure().equals(ALL_QUOTAS) || (d.quota().isPresent() && d.limit().isEmpty())) {
                verdict = Need.Verdict.UNKNOWN;
            } else if (d.quota().isEmpty()) {
                verdict = Need.Verdict.NO_QUOTA;
            } else if (total <= d.limit().get()) {
                verdict = Need.Verdict.FITS;
            } else if (open.isPresent()) {
                verdict = open.get().desiredValue() >= total ? Need.Verdict.COVERED : Need.Verdict.OPEN_REQUEST_SHORT;
            } else if (!d.quota().get().isAdjustable()) {
                verdict = Need.Verdict.NOT_ADJUSTABLE;
            } else {
                verdict = Need.Verdict.RAISE;
            }
            Optional<Double> floor = d.quota().flatMap(Quota::awsDefault);
            Optional<Double> ask = verdict == Need.Verdict.RAISE
                    ? Optional.of(Math.max(Asking.forNeed(total), floor.orElse(0.0))) : Optional.empty();
            String arithmetic = d.arithmetic() + (total > d.needed() ? "; with the other workloads on this quota: "
                    + n(total) : "");
            if (verdict == Need.Verdict.NO_QUOTA) {
                arithmetic += "; the catalogue lists no " + d.measure() + " quota for this model here: check the model "
                        + "id and the region (a model AWS does not offer in a region has no quota there)";
            }
            out.add(new Need(d.workload(), d.region(), d.account(), d.measure(), d.quota(), d.needed(), total, d.limit(),
                    verdict, ask, arithmetic,
                    verdict == Need.Verdict.COVERED || verdict == Need.Verdict.OPEN_REQUEST_SHORT ? open : Optional.empty(),
                    verdict == Need.Verdict.NOT_ADJUSTABLE ? Optional.of(way(d, together)) : Optional.empty()));
        }
        return out;
    }

    private static String n(double value) {
        return Format.text(value);
    }
}
