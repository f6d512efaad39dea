package com.quotadoctor.cli;

import com.quotadoctor.domain.AccountId;
import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.domain.AwsRegion;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.domain.ModelId;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The failing context, as flags: shared by {@code diagnose} and {@code capture}. */
final class RequestOptions {

    @Option(names = "--model", paramLabel = "ID",
            description = "Model id, inference profile id or ARN the failing calls use (repeatable).")
    List<String> models = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION", description = "Region the failing calls run in (repeatable).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--account", paramLabel = "ID", description = "Account that makes the failing calls.")
    String account;

    @Option(names = "--request-id", paramLabel = "ID", description = "Increase request to follow.")
    String requestId;

    @Option(names = "--quota-code", paramLabel = "CODE", description = "Quota to focus on, e.g. L-F4DDD3EB.")
    String quotaCode;

    @Option(names = "--error-message", paramLabel = "TEXT",
            description = "The error message the calls get, e.g. \"Too many tokens, please wait before trying again.\"")
    String errorMessage;

    /** The flags over {@code base}: each flag given overrides (or supplies) what the base says. */
    DiagnosisRequest over(DiagnosisRequest base) {
        List<ModelId> modelIds = models.isEmpty() ? List.of()
                : models.stream().map(m -> {
                    try {
                        return ModelId.parse(m);
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException("--model: " + e.getMessage(), e);
                    }
                }).toList();
        List<String> regionNames = regions.isEmpty() ? List.of()
                : regions.stream().map(r -> {
                    try {
                        return AwsRegion.require(r);
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException("--region: " + e.getMessage(), e);
                    }
                }).toList();
        if (account != null && !AccountId.isValid(account)) {
            throw new BadInputException("--account: expected a 12-digit account id, got '" + account + "'");
        }
        DiagnosisRequest flags = DiagnosisRequest.empty().inAccount(Optional.ofNullable(account)).inRegions(regionNames)
                .forModels(modelIds).following(Optional.ofNullable(requestId), Optional.ofNullable(quotaCode))
                .failingWith(new ErrorSignal(Optional.empty(), Optional.ofNullable(errorMessage)));
        return flags.over(base);
    }

    /**
     * Each filter given must match something in the evidence, or the run says so, one line and exit 2, with the values
     * that do exist: a filter that matches nothing would otherwise change the verdict without a word. A model id that
     * is well formed but never seen failing is diagnosed as given, with the nearest id the evidence holds suggested
     * on {@code warn}.
     */
    void requireMatches(com.quotadoctor.domain.Evidence evidence, java.io.PrintWriter warn) {
        if (quotaCode != null) {
            boolean known = evidence.requests().anyMatch(r -> r.quotaCode().equalsIgnoreCase(quotaCode))
                    || evidence.regions().values().stream().anyMatch(r -> r.quota(quotaCode).isPresent());
            if (!known) {
                throw new BadInputException("--quota-code " + quotaCode + " matches no quota or request in the evidence"
                        + listed(" (requests are for: ", evidence.requests().map(r -> r.quotaCode())));
            }
        }
        if (requestId != null && evidence.requests().noneMatch(r -> r.isNamedBy(requestId))) {
            throw new BadInputException("--request-id " + requestId + " matches no request in the evidence"
                    + listed(" (requests: ", evidence.requests().map(r -> r.id())));
        }
        if (account != null) {
            java.util.Set<String> accounts = new java.util.TreeSet<>();
            evidence.callerAccount().ifPresent(accounts::add);
            evidence.requests().forEach(r -> r.account().ifPresent(accounts::add));
            evidence.failedCalls().forEach(c -> c.account().ifPresent(accounts::add));
            evidence.regions().values().forEach(r -> r.quotas().forEach(q -> q.account().ifPresent(accounts::add)));
            if (!accounts.isEmpty() && !accounts.contains(account)) {
                throw new BadInputException("--account " + account + ": the evidence is of account"
                        + (accounts.size() == 1 ? " " : "s ") + String.join(", ", accounts)
                        + " (read another account with --role-arn, or capture there)");
            }
        }
        java.util.Set<String> seen = new java.util.TreeSet<>();
        evidence.failedCalls().forEach(c -> c.modelId().ifPresent(seen::add));
        evidence.regions().values().forEach(r -> r.metrics().forEach(m -> seen.add(m.modelId())));
        for (String model : models) {
            ModelId id;
            try {
                id = ModelId.parse(model);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--model: " + e.getMessage(), e);
            }
            // a provider is one lower-case word (anthropic, amazon, ai21, moonshotai): "claude-sonnet-4.5" names none
            boolean modelLike = model.startsWith("arn:") || id.provider()
                    .filter(p -> p.matches("^[a-z][a-z0-9]*$") || com.quotadoctor.domain.ModelName.isProvider(p)).isPresent();
            java.util.Optional<String> nearest = seen.stream().filter(s -> !s.equals(model))
                    .min(java.util.Comparator.comparingInt(s -> distance(s, model)))
                    .filter(s -> distance(s, model) <= Math.max(3, model.length() / 3));
            if (!modelLike) {
                throw new BadInputException("--model " + model + " is not a model id, profile id or ARN"
                        + nearest.map(n -> "; did you mean " + n + "?").orElse(listed("; ids in the evidence: ",
                        seen.stream())));
            }
            if (!seen.isEmpty() && !seen.contains(model) && nearest.isPresent()) {
                warn.println("quota-doctor: --model " + model + " was never seen failing or in the metrics; did you mean "
                        + nearest.get() + "? (diagnosing as given)");
                warn.flush();
            }
        }
    }

    private static String listed(String prefix, java.util.stream.Stream<String> values) {
        List<String> distinct = values.distinct().sorted().limit(8).toList();
        return distinct.isEmpty() ? "; the evidence holds none" : prefix + String.join(", ", distinct) + ")";
    }

    /** Levenshtein distance, bounded by the ids' AWS length limit. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
