package com.quotadoctor.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The error a failing call reported. Bedrock's {@code ThrottlingException} carries only a message,
 * no quota code, so the message is the one hint at which quota bound.
 */
public record ErrorSignal(Optional<String> code, Optional<String> message) {

    public static final ErrorSignal NONE = new ErrorSignal(Optional.empty(), Optional.empty());
    /** AWS's error messages are a sentence; a longer one is cut here, so it can't crowd a notification. */
    public static final int LONGEST_MESSAGE = 1_000;

    /** One line each, the message at most {@link #LONGEST_MESSAGE} characters: outside text, shown and sent on. */
    public ErrorSignal {
        code = code.map(c -> Text.oneLine(c, 128));
        message = message.map(m -> Text.oneLine(m, LONGEST_MESSAGE));
    }

    /** The metric the message points at, e.g. "Too many tokens per day" → tokens per day. */
    public Optional<QuotaMetric> boundMetric() {
        // an agent's "request rate is too high" may be the agent API's own rate, not a model quota's
        return message.flatMap(ErrorSignal::metricOfMessage)
                .filter(m -> !(m == QuotaMetric.REQUESTS_PER_MINUTE && pointsAtAgents()));
    }

    static Optional<QuotaMetric> metricOfMessage(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("tokens per day") || m.contains("tokens per 24")) {
            return Optional.of(QuotaMetric.TOKENS_PER_DAY);
        }
        if (m.contains("too many tokens") || m.contains("tokens per minute")) {
            return Optional.of(QuotaMetric.TOKENS_PER_MINUTE);
        }
        if (m.contains("too many requests") || m.contains("request rate is too high")
                || m.contains("requests per minute")) {
            return Optional.of(QuotaMetric.REQUESTS_PER_MINUTE);
        }
        if (m.contains("concurrent")) {
            return Optional.of(QuotaMetric.CONCURRENT_REQUESTS);
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern AGENTS = java.util.regex.Pattern.compile(
            "\\bInvoke(Inline)?Agent\\b|\\bRetrieveAndGenerate\\b|\\bRetrieve operation\\b|AWS/Bedrock/Agents");

    /**
     * Whether the error points at Bedrock Agents or Knowledge Bases (an InvokeAgent or Retrieve call, an alarm on
     * their metrics): calls CloudTrail logs as data events, which LookupEvents never returns.
     */
    public boolean pointsAtAgents() {
        return message.map(m -> AGENTS.matcher(m).find()).orElse(false);
    }

    /** Whether the code names a quota failure (as opposed to e.g. ModelNotReadyException). */
    public static boolean isQuotaError(String code) {
        return code != null && (code.equals("ThrottlingException") || code.equals("ServiceQuotaExceededException")
                || code.equals("TooManyRequestsException"));
    }
}
