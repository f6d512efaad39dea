package com.quotadoctor.capacity;

import com.quotadoctor.domain.Endpoint;
import com.quotadoctor.domain.ModelId;

import java.util.List;
import java.util.Optional;

/**
 * A workload before launch, as its team expects it: what it calls, where, how often and how big each call is.
 *
 * @param name        what the team calls it, shown in the plan
 * @param model       the model id or inference profile (system or application) the calls name
 * @param regions     the regions the calls are sent to (the source regions, for a profile)
 * @param account     the account the calls run in, when not the caller's
 * @param peak        calls per minute in the busiest minute
 * @param usual       calls per minute on a normal day, for the daily quotas
 * @param tokens      tokens of one call
 * @param endpoint    bedrock-runtime or bedrock-mantle
 * @param hoursPerDay hours a day the workload runs at its usual rate (24 when it never stops)
 */
public record ExpectedWorkload(String name, ModelId model, List<String> regions, Optional<String> account, double peak,
                               double usual, CallTokens tokens, Endpoint endpoint, double hoursPerDay) {

    public ExpectedWorkload {
        regions = List.copyOf(regions);
    }

    /**
     * Tokens of one call. {@code output} counts thinking tokens too (they are billed and settled as output); a thinking
     * budget lives inside {@code maxTokens} (Anthropic: budget_tokens must be below max_tokens).
     *
     * @param input          input tokens sent fresh
     * @param cacheWrite     input tokens written to the prompt cache
     * @param cacheRead      input tokens read from the prompt cache
     * @param output         output tokens the model writes, thinking included
     * @param maxTokens      the call's max_tokens; empty: the model's maximum is reserved
     * @param thinkingBudget the extended-thinking budget, if the calls use it
     */
    public record CallTokens(double input, double cacheWrite, double cacheRead, double output,
                             Optional<Double> maxTokens, Optional<Double> thinkingBudget) {

        /** What one call settles against a runtime tokens-per-minute quota: cache reads are not counted. */
        public double settled(int burndown) {
            return input + cacheWrite + output * burndown;
        }

        /** What one call reserves when it starts: every input token plus max_tokens, until it settles. */
        public Optional<Double> reserved() {
            return maxTokens.map(max -> input + cacheWrite + cacheRead + max);
        }
    }
}
