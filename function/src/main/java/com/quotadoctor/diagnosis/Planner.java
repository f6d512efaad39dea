package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaClassifier;
import com.quotadoctor.domain.QuotaMetric;
import com.quotadoctor.domain.RequestStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the steps every finding proposes into one plan for the whole situation. Each rule of the plan has
 * one home here:
 * <ul>
 *   <li>one value per quota, region and account: the largest proposed, never below the AWS default, the
 *       applied value or the desired value of a request that is open or approved;</li>
 *   <li>no new request for a quota whose request is open or still being applied: its wait or follow step instead;</li>
 *   <li>a daily quota used up comes first, and per-minute increases for those calls are left out;</li>
 *   <li>a step said twice is said once, serving every finding that asked for it;</li>
 *   <li>order: the step of the most important finding first, then, for one finding, the kinds in the order
 *       a person follows them.</li>
 * </ul>
 */
final class Planner {

    /** One quota in one region of one account: what an increase request acts on. */
    private record QuotaKey(String code, String region, Optional<String> account) {
        QuotaKey {
            code = code.toUpperCase(Locale.ROOT);
        }
    }

    /** A request that forbids a new one for its quota, and why. */
    /** @param open pending with AWS or Support (else approved and still being applied) */
    private record Blocker(IncreaseRequest request, String state, boolean open) {
    }

    /**
     * A step with the rank of the most important finding it serves, its place among the proposals, and the
     * findings (by identity) it answers.
     */
    private record Ranked(int rank, int seq, PlanStep step, Set<String> owners) {
        Ranked with(PlanStep other, Ranked merged) {
            Set<String> all = new java.util.LinkedHashSet<>(owners);
            all.addAll(merged.owners());
            return new Ranked(Math.min(rank, merged.rank()), seq, other, all);
        }

        Ranked step(PlanStep other) {
            return new Ranked(rank, seq, other, owners);
        }

        /** This step, also answering what {@code other} answered. */
        Ranked absorb(Ranked other) {
            return with(step.serving(union(step.serves(), other.step().serves())), other);
        }
    }

    /** The plan, and for each finding (by identity) the steps that answer it. */
    record Plan(List<PlanStep> steps, Map<String, List<PlanStep>> byFinding) {
    }

    private final Situation s;

    Planner(Situation s) {
        this.s = s;
    }

    Plan plan(List<Finding> ranked) {
        Map<QuotaKey, Blocker> blockers = blockers();
        Set<String> dailyOut = dailyExhausted(ranked);
        Map<String, Ranked> steps = new LinkedHashMap<>();
        Map<QuotaKey, Ranked> increases = new LinkedHashMap<>();
        Map<QuotaKey, Ranked> blocked = new LinkedHashMap<>();
        Map<String, Ranked> heldForDaily = new LinkedHashMap<>();
        Map<QuotaKey, List<PlanStep>> holdBack = new LinkedHashMap<>();
        int seq = 0;
        for (int rank = 0; rank < ranked.size(); rank++) {
            Finding f = ranked.get(rank);
            for (PlanStep step : f.remediation()) {
                Ranked here = new Ranked(rank, seq++, step, Set.of(f.identity()));
                if (step.kind() == PlanStep.Kind.REQUEST_INCREASE && step.value().isPresent() && step.quotaCode().isPresent()) {
                    QuotaKey key = sibling(key(step), blockers).orElse(key(step));
                    String context = context(key.region(), key.account(), f.modelId());
                    if (blockers.containsKey(key)) {
                        blocked.merge(key, here, Ranked::absorb);
                        holdBack.computeIfAbsent(key, k -> new ArrayList<>()).add(step);
                    } else if (!metric(key).isDaily() && metric(key) != QuotaMetric.OTHER && dailyOut.contains(context)) {
                        heldForDaily.merge(context, here, Ranked::absorb);
                    } else {
                        increases.merge(key, here, (a, b) -> a.with(merge(a.step(), b.step()), b));
                    }
                    continue;
                }
                steps.merge(identity(step), here, Ranked::absorb);
            }
        }
        List<Ranked> all = new ArrayList<>(steps.values());
        increases.forEach((key, r) -> all.add(r.step(settle(key, r.step()))));
        // a blocked increase is answered by following the request that blocks it
        blocked.forEach((key, r) -> {
            Optional<Ranked> follow = all.stream().filter(x -> (x.step().kind() == PlanStep.Kind.WAIT
                    || x.step().kind() == PlanStep.Kind.FOLLOW_REQUEST) && x.step().quotaCode().isPresent()
                    && key(x.step()).equals(key)).findFirst();
            Ranked answer = follow.map(f -> f.absorb(r))
                    .orElseGet(() -> r.step(follow(blockers.get(key)).serving(r.step().serves())));
            for (PlanStep sibling : holdBack.get(key)) {
                answer = withSibling(answer, sibling, key);
            }
            if (follow.isPresent()) {
                all.set(all.indexOf(follow.get()), answer);
            } else {
                all.add(answer);
            }
        });
        // a per-minute increase held back while the daily budget is spent is answered by the daily steps
        heldForDaily.forEach((context, held) -> all.stream()
                .filter(x -> x.step().serves().contains(FindingCode.DAILY_QUOTA_EXHAUSTED)
                        && x.step().region().map(r -> context.startsWith(r + "|")).orElse(false))
                .findFirst()
                .ifPresent(x -> all.set(all.indexOf(x), x.absorb(held))));
        all.sort(Comparator.comparingInt(Ranked::rank).thenComparingInt(Ranked::seq));
        Map<String, List<PlanStep>> byFinding = new LinkedHashMap<>();
        for (Ranked r : all) {
            r.owners().forEach(owner -> byFinding.computeIfAbsent(owner, k -> new ArrayList<>()).add(r.step()));
        }
        return new Plan(all.stream().map(Ranked::step).toList(), byFinding);
    }

    /**
     * Requests that forbid a new one for their quota: open, of a status this version does not know, or approved and
     * not applied yet (or not readable), as {@link RequestState} judges them.
     */
    private Map<QuotaKey, Blocker> blockers() {
        Map<QuotaKey, Blocker> out = new LinkedHashMap<>();
        s.evidence().requests().forEach(r -> {
            QuotaKey key = key(r);
            RequestState state = RequestState.alone(r, quota(key), s);
            boolean open = state == RequestState.OPEN || state == RequestState.UNKNOWN_STATUS;
            boolean applying = state == RequestState.PROPAGATING || state == RequestState.OVERDUE
                    || (state == RequestState.UNJUDGEABLE && r.status() == RequestStatus.APPROVED);
            if (open || applying) {
                out.putIfAbsent(key, new Blocker(r, open ? r.rawStatus() : "APPROVED, not applied yet", open));
            }
        });
        return out;
    }

    /**
     * The open request for another quota of the same model, region and account, if any: AWS Support raises a
     * model's related quotas together from one request (Bedrock's quota docs), and a region holds two active
     * requests at most, so the increase is asked for there instead of in a request of its own.
     */
    private Optional<QuotaKey> sibling(QuotaKey key, Map<QuotaKey, Blocker> blockers) {
        if (blockers.containsKey(key)) {
            return Optional.of(key);
        }
        Optional<com.quotadoctor.domain.ModelName> model = quota(key).flatMap(q -> q.kind().model());
        // only a request still open can take another quota into its case: an approval being applied has no case left
        return model.flatMap(m -> blockers.entrySet().stream()
                .filter(e -> e.getValue().open())
                .filter(e -> e.getKey().region().equals(key.region()) && e.getKey().account().equals(key.account())
                        && e.getValue().request().kind().model().map(m::sameModel).orElse(false))
                .map(Map.Entry::getKey).findFirst());
    }

    /**
     * The floor a new value must clear: the desired value of any request for the quota that AWS did not decide against
     * (refused, closed unchanged, partly granted): an open or approved request's value is never undercut.
     */
    private double floor(QuotaKey key) {
        return s.evidence().requests().filter(r -> key(r).equals(key) && !r.status().isRefused()
                        && !RequestState.alone(r, quota(key), s).isSettledAgainst())
                .mapToDouble(IncreaseRequest::desiredValue).max().orElse(0);
    }

    /**
     * The one value asked for a quota, by the one sizing rule ({@link IncreaseSize}): the team's intent, the observed
     * peak + 25 %, the AWS default. Covered by what applies: no increase, said so. Nothing to size it on: the step says
     * how to size it, and asks no number out of thin air.
     */
    private PlanStep settle(QuotaKey key, PlanStep step) {
        Optional<Quota> q = quota(key);
        IncreaseSize size = q.map(quota -> IncreaseSize.of(s, quota, key.account()))
                .orElseGet(() -> floor(key) > 0 ? new IncreaseSize.Ask(floor(key), "the value already asked for it")
                        : new IncreaseSize.Unsized());
        if (size instanceof IncreaseSize.Covered covered) {
            return PlanStep.of(PlanStep.Kind.NO_INCREASE, covered.statement() + ".")
                    .on(key.code(), key.region(), key.account()).value(covered.applied())
                    .link(Commands.quotaConsole(key.code(), key.region())).because(step.why()).serving(step.serves());
        }
        String where = key.code() + " in " + key.region() + key.account().map(a -> " for account " + a).orElse("");
        if (size instanceof IncreaseSize.Unsized) {
            Optional<Double> applied = q.flatMap(Quota::effectiveValue);
            PlanStep unsized = PlanStep.of(PlanStep.Kind.REQUEST_INCREASE, applied.map(v -> "Request an increase of "
                            + where + " above its " + Format.text(v) + ", sized on the calls' busiest minute + 25 % (the "
                            + "evidence holds no demand, request or default to size it on):")
                            .orElse("Read the value of " + where + " (it could not be read), then request an increase "
                                    + "above it, sized on the calls' busiest minute + 25 %:"))
                    .on(key.code(), key.region(), key.account())
                    .link(Commands.quotaConsole(key.code(), key.region())).because(step.why()).serving(step.serves());
            return applied.isPresent() ? unsized : unsized.command(Commands.getQuota(key.code(), key.region()));
        }
        double value = Math.max(((IncreaseSize.Ask) size).value(), floor(key));
        if (q.map(quota -> quota.kind().family() == com.quotadoctor.domain.InferenceFamily.MANTLE).orElse(false)) {
            // "quota increase requests are not currently processed through the Service Quotas console" (quotas-mantle)
            return PlanStep.of(PlanStep.Kind.CONTACT_SUPPORT, "Ask AWS Support for " + Format.text(value) + " on "
                            + Facts.describe(q.get()) + ": bedrock-mantle increases go through the limit-increase form, "
                            + "not Service Quotas.")
                    .on(key.code(), key.region(), key.account()).value(value).link(Commands.limitIncreaseForm())
                    .because(step.why()).serving(step.serves());
        }
        return step.value(value).command(Commands.requestIncrease(key.code(), value, key.region()));
    }

    private static PlanStep merge(PlanStep a, PlanStep b) {
        PlanStep larger = a.value().orElse(0.0) >= b.value().orElse(0.0) ? a : b;
        String why = a.why().equals(b.why()) || b.why().isEmpty() ? a.why() : a.why().isEmpty() ? b.why()
                : a.why() + "; " + b.why();
        return larger.serving(union(a.serves(), b.serves())).because(why);
    }

    /** The follow step, asking in the same request for a related quota of the model that it holds back. */
    private static Ranked withSibling(Ranked follow, PlanStep sibling, QuotaKey key) {
        if (sibling.quotaCode().map(code -> code.equalsIgnoreCase(key.code())).orElse(true)
                || follow.step().action().contains(sibling.quotaCode().get())) {
            return follow;
        }
        String action = follow.step().action().replaceFirst(":$", "");
        return follow.step(follow.step().action(action + " (and ask in its case for " + sibling.quotaCode().get()
                + " too, " + sibling.value().map(Format::text).orElse("more")
                + ": AWS raises a model's related quotas together):"));
    }

    private PlanStep follow(Blocker b) {
        IncreaseRequest r = b.request();
        return PlanStep.of(PlanStep.Kind.FOLLOW_REQUEST, "Do not file another request for " + r.quotaCode() + " in "
                        + r.region() + ": request " + r.id() + " (" + b.state() + ", " + Format.text(r.desiredValue())
                        + ") is still in progress. Follow it:")
                .command(Commands.getRequest(r.id(), r.region())).link(Commands.requestsConsole(r.region()))
                .on(r.quotaCode(), r.region(), r.account().or(() -> s.evidence().callerAccount()))
                .value(r.desiredValue())
                .because(b.open() ? "Service Quotas keeps one open request per quota"
                        : "the approved value is not applied yet: a new request would not apply it sooner");
    }

    /** The calls whose daily budget is spent: per-minute advice does not help them until it frees up. */
    private Set<String> dailyExhausted(List<Finding> ranked) {
        Set<String> out = new java.util.HashSet<>();
        ranked.stream().filter(f -> f.code() == FindingCode.DAILY_QUOTA_EXHAUSTED && f.severity() != Severity.INFO)
                .forEach(f -> out.add(context(f.region().orElse(""), account(f.account()), f.modelId())));
        return out;
    }

    private String context(String region, Optional<String> account, Optional<String> model) {
        return region + "|" + account(account).orElse("") + "|" + model.orElse("");
    }

    private Optional<String> account(Optional<String> account) {
        return account.or(() -> s.evidence().callerAccount());
    }

    private QuotaKey key(PlanStep step) {
        return new QuotaKey(step.quotaCode().orElseThrow(), step.region().orElse(""), account(step.account()));
    }

    private QuotaKey key(IncreaseRequest r) {
        return new QuotaKey(r.quotaCode(), r.region(), account(r.account()));
    }

    private Optional<Quota> quota(QuotaKey key) {
        return s.evidence().region(key.region()).flatMap(r -> r.quota(key.code(), key.account()));
    }

    private QuotaMetric metric(QuotaKey key) {
        return quota(key).map(q -> q.kind().metric())
                .orElseGet(() -> QuotaClassifier.classify(key.code(), null).metric());
    }

    private static String identity(PlanStep step) {
        return step.kind() + "|" + step.command().orElse(step.action()) + "|" + step.region().orElse("");
    }

    private static Set<FindingCode> union(Set<FindingCode> a, Set<FindingCode> b) {
        Set<FindingCode> out = a.isEmpty() ? EnumSet.noneOf(FindingCode.class) : EnumSet.copyOf(a);
        out.addAll(b);
        return out;
    }
}
