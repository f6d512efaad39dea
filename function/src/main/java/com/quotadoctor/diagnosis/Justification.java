package com.quotadoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The usage figures AWS Support asks for, ready to paste into the increase request or support case: the
 * steady and peak tokens and requests per minute, tokens per call, the burndown applied and the window observed.
 */
final class Justification {

    private Justification() {
    }

    /** For the first step of the plan that asks AWS for more, from the demand of the calls it serves. */
    static Optional<String> of(Situation s, List<PlanStep> plan) {
        // a step that names its value first: the justification states the figure asked and its basis
        List<PlanStep> asking = new ArrayList<>(plan.stream().filter(p -> p.value().isPresent()).toList());
        plan.stream().filter(p -> p.value().isEmpty()).forEach(asking::add);
        for (PlanStep step : asking) {
            if (step.kind() != PlanStep.Kind.REQUEST_INCREASE && step.kind() != PlanStep.Kind.CONTACT_SUPPORT) {
                continue;
            }
            Optional<Workload> w = s.workloads().stream()
                    .filter(x -> step.region().map(x.region()::equals).orElse(true) && x.demand().isKnown())
                    .findFirst();
            if (w.isPresent()) {
                // every other value the plan asks is stated with its basis too, not only the first
                StringBuilder all = new StringBuilder(text(s, step, w.get()));
                plan.stream().filter(p -> p != step && p.kind() == PlanStep.Kind.REQUEST_INCREASE && p.value().isPresent()
                                && p.quotaCode().isPresent())
                        .forEach(p -> all.append(" Asking ").append(Format.text(p.value().get())).append(" for ")
                                .append(p.quotaCode().get()).append(" in ").append(p.region().orElse(w.get().region()))
                                .append(basis(s, p, w.get())));
                return Optional.of(all.toString());
            }
        }
        return Optional.empty();
    }

    private static String text(Situation s, PlanStep step, Workload w) {
        Demand d = w.demand();
        Demand.Usual u = d.usual();
        List<String> figures = new ArrayList<>();
        d.peakTokensPerMinute().ifPresent(p -> figures.add("peak " + Format.text(Math.round(p)) + " tokens per minute"
                + u.tokensPerMinute().map(m -> " (usually " + Format.text(Math.round(m)) + ")").orElse("")));
        d.peakRequestsPerMinute().ifPresent(p -> figures.add("peak " + Format.text(Math.round(p)) + " requests per minute"
                + u.requestsPerMinute().map(m -> " (usually " + Format.text(Math.round(m)) + ")").orElse("")));
        if (u.inputPerCall().isPresent() || u.outputPerCall().isPresent()) {
            figures.add(u.inputPerCall().map(i -> Format.text(Math.round(i))).orElse("?") + " input and "
                    + u.outputPerCall().map(o -> Format.text(Math.round(o))).orElse("?") + " output tokens per call");
        }
        boolean mantle = w.endpoint() == com.quotadoctor.domain.Endpoint.MANTLE;
        if (mantle) {
            figures.add("input tokens counted against the input quota (" + d.source() + ")");
            if (d.throttles() > 0) {
                figures.add(Format.text(d.throttles()) + " requests answered with a 4xx error (throttles among them: AWS "
                        + "publishes no separate count)");
            }
        } else {
            figures.add("output tokens counted at " + d.burndown() + "x burndown (" + d.source() + ")");
            if (d.throttles() > 0) {
                figures.add(Format.text(d.throttles()) + " throttled requests");
            }
        }
        d.tokensLastDay().ifPresent(t -> figures.add(Format.text(Math.round(t)) + " tokens in the last 24 h"));
        return "Workload: " + w.model().invokedId() + " (" + w.family().label() + ") in " + w.region()
                + w.account().map(a -> ", account " + a).orElse("") + ". Observed in CloudWatch ("
                + (mantle ? "AWS/BedrockMantle" : "AWS/Bedrock") + ") over the "
                + u.minutes() + " minutes before " + s.now() + ": " + String.join("; ", figures) + "."
                + step.quotaCode().map(code -> step.value().map(v -> " Asking " + Format.text(v) + " for " + code
                        + " in " + step.region().orElse(w.region()) + basis(s, step, w))
                        .orElse(" The quota: " + code + " in " + step.region().orElse(w.region()) + ".")).orElse("");
    }

    /** Where the value asked comes from: the same sizing rule the plan applied. */
    private static String basis(Situation s, PlanStep step, Workload w) {
        return s.evidence().region(step.region().orElse(w.region()))
                .flatMap(r -> r.quota(step.quotaCode().orElseThrow(), step.account()))
                .map(q -> IncreaseSize.of(s, q, step.account()))
                .filter(size -> size instanceof IncreaseSize.Ask ask && step.value().map(v -> v == ask.value()).orElse(false))
                .map(size -> ": " + ((IncreaseSize.Ask) size).basis() + ".")
                .orElse(".");
    }
}
