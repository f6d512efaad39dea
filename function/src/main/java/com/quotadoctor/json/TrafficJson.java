package com.quotadoctor.json;

import com.quotadoctor.domain.Endpoint;
import com.quotadoctor.capacity.ExpectedWorkload;
import com.quotadoctor.domain.AccountId;
import com.quotadoctor.domain.AwsRegion;
import com.quotadoctor.domain.ModelId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A traffic file ({@code plan --traffic}), YAML or JSON: {@code workloads}, each a model, its regions, calls per minute
 * and tokens per call. Every complaint names its field ({@code workloads[1].tokensPerCall.output}); the schema, with an
 * example, is docs/design.md "Traffic file" and events/traffic.yaml.
 */
public final class TrafficJson {

    /** Far beyond a launch plan; keeps one file from asking thousands of judgements. */
    public static final int MOST_WORKLOADS = 100;
    /** Far above any model's context window: a larger figure is a typo. */
    private static final double MOST_TOKENS = 10_000_000;
    private static final double MOST_CALLS_PER_MINUTE = 10_000_000;

    private TrafficJson() {
    }

    /** Reads YAML unless the text is a JSON object (JSON is YAML, but JSON's own errors are clearer for it). */
    public static List<ExpectedWorkload> read(String document, String text) {
        try {
            return workloads(document, text);
        } catch (ShapeException e) {
            // one line that names the file and the field
            throw e.getMessage().startsWith(document) ? e : new ShapeException(document + ": " + e.getMessage(), e);
        }
    }

    private static List<ExpectedWorkload> workloads(String document, String text) {
        WireNode root = text.stripLeading().startsWith("{") ? WireNode.document(document, text)
                : WireNode.yamlDocument(document, text);
        WireNode workloads = root.field("workloads");
        if (!workloads.present()) {
            throw workloads.problem("is required: a list of workloads");
        }
        known(root, Set.of("workloads"));
        List<ExpectedWorkload> out = workloads.list(TrafficJson::workload);
        if (out.isEmpty()) {
            throw workloads.problem("names no workload");
        }
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            if (!names.add(out.get(i).name())) {
                throw workloads.problem("two workloads are named '" + out.get(i).name() + "': name each once");
            }
        }
        if (out.size() > MOST_WORKLOADS) {
            throw workloads.problem("at most " + MOST_WORKLOADS + " workloads, got " + out.size());
        }
        return out;
    }

    private static final Set<String> WORKLOAD = Set.of("name", "model", "regions", "account", "endpoint", "callsPerMinute",
            "tokensPerCall", "maxTokens", "thinkingBudget", "hoursPerDay");

    /** A field this file does not define is a typo that would silently change the plan: refused, with the nearest. */
    private static void known(WireNode n, Set<String> fields) {
        if (!n.present() || !n.node().isObject()) {
            return;
        }
        n.node().fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                String nearest = fields.stream().min(java.util.Comparator.comparingInt(k -> distance(k.toLowerCase(
                        java.util.Locale.ROOT), f.toLowerCase(java.util.Locale.ROOT)))).orElse("");
                throw n.problem("unknown field '" + com.quotadoctor.domain.Text.oneLine(f, 40) + "' (did you mean '"
                        + nearest + "'? the fields are " + String.join(", ", new java.util.TreeSet<>(fields)) + ")");
            }
        });
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] row = new int[b.length() + 1];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                row[j] = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1),
                        previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            previous = row;
        }
        return previous[b.length()];
    }

    private static ExpectedWorkload workload(WireNode w) {
        if (!w.node().isObject()) {
            throw w.problem("expected a workload (model, regions, callsPerMinute, tokensPerCall, maxTokens)");
        }
        known(w, WORKLOAD);
        known(w.field("callsPerMinute"), Set.of("peak", "usual"));
        known(w.field("tokensPerCall"), Set.of("input", "output", "cacheRead", "cacheWrite"));
        String name = w.field("name").text().map(n -> com.quotadoctor.domain.Text.oneLine(n, 80))
                .orElse("workload " + (Integer.parseInt(w.path().replaceAll("^.*\\[(\\d+)]$", "$1")) + 1));
        WireNode modelField = w.field("model");
        ModelId model;
        try {
            model = ModelId.parse(modelField.requiredText());
        } catch (ShapeException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw modelField.problem(e.getMessage());
        }
        List<String> regions = w.field("regions").list(r -> {
            String region = r.requiredText();
            if (!AwsRegion.isKnown(region)) {
                throw r.problem("unknown region '" + com.quotadoctor.domain.Text.oneLine(region, 40) + "'");
            }
            return region;
        });
        if (regions.isEmpty()) {
            throw w.field("regions").problem("is required: the regions the calls are sent to");
        }
        if (new java.util.HashSet<>(regions).size() < regions.size()) {
            throw w.field("regions").problem("lists a region twice (each region carries the full peak: name it once)");
        }
        Optional<String> account = w.field("account").text();
        if (account.isPresent() && !AccountId.isValid(account.get())) {
            throw w.field("account").problem("expected a 12-digit account id");
        }
        Endpoint endpoint;
        try {
            endpoint = w.field("endpoint").text().map(Endpoint::of).orElse(Endpoint.RUNTIME);
        } catch (IllegalArgumentException e) {
            throw w.field("endpoint").problem(e.getMessage());
        }
        WireNode calls = w.field("callsPerMinute");
        double peak = positive(calls.field("peak"), MOST_CALLS_PER_MINUTE, true);
        double usual = calls.field("usual").present() ? positive(calls.field("usual"), MOST_CALLS_PER_MINUTE, false) : peak;
        if (usual > peak) {
            throw calls.field("usual").problem("is above peak (" + usual + " > " + peak + ")");
        }
        WireNode perCall = w.field("tokensPerCall");
        double input = positive(perCall.field("input"), MOST_TOKENS, true);
        double output = positive(perCall.field("output"), MOST_TOKENS, true);
        double cacheRead = optional(perCall.field("cacheRead"));
        double cacheWrite = optional(perCall.field("cacheWrite"));
        if (!w.field("maxTokens").present()) {
            // unset, each call reserves the model's maximum output until it settles: the plan can't size that
            throw w.field("maxTokens").problem("is required: each call reserves it until it settles (unset: the "
                    + "model's maximum output); set it to the max_tokens the calls send");
        }
        Optional<Double> maxTokens = Optional.of(positive(w.field("maxTokens"), MOST_TOKENS, true));
        if (maxTokens.isPresent() && maxTokens.get() < output) {
            throw w.field("maxTokens").problem("is below the output tokens per call (" + maxTokens.get() + " < " + output
                    + "): no call could write that much");
        }
        Optional<Double> thinking = w.field("thinkingBudget").present()
                ? Optional.of(positive(w.field("thinkingBudget"), MOST_TOKENS, true)) : Optional.empty();
        if (thinking.isPresent() && (maxTokens.isEmpty() || thinking.get() >= maxTokens.get())) {
            throw w.field("thinkingBudget").problem("must be below maxTokens (the budget is part of max_tokens)");
        }
        double hours = w.field("hoursPerDay").present() ? positive(w.field("hoursPerDay"), 24, true) : 24;
        return new ExpectedWorkload(name, model, regions, account, peak, usual,
                new ExpectedWorkload.CallTokens(input, cacheWrite, cacheRead, output, maxTokens, thinking), endpoint, hours);
    }

    private static double positive(WireNode n, double most, boolean required) {
        double value = required ? n.requiredNumber() : n.number().orElse(0.0);
        if (value < 0 || (required && value == 0)) {
            throw n.problem("must be " + (required ? "above" : "at least") + " 0, got " + value);
        }
        if (value > most) {
            throw n.problem("must be at most " + com.quotadoctor.diagnosis.Format.text(most) + ", got " + value);
        }
        return value;
    }

    private static double optional(WireNode n) {
        return n.present() ? positive(n, MOST_TOKENS, false) : 0;
    }
}
