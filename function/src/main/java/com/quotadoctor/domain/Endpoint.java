package com.quotadoctor.domain;

/**
 * Which Bedrock inference endpoint a workload calls: each has its own quotas, and an increase on one never helps calls
 * on the other. Source: AWS's Bedrock quotas pages (docs/bedrock-quotas.md, "Endpoints").
 */
public enum Endpoint {
    /** {@code bedrock-runtime.<region>.amazonaws.com}: InvokeModel, Converse and their streaming forms. */
    RUNTIME("runtime"),
    /**
     * {@code bedrock-mantle.<region>.api.aws}: the OpenAI Responses and Chat Completions and the Anthropic Messages
     * APIs. Quotas "Bedrock Mantle input tokens per minute for …" and "… output tokens per minute …"; no requests per
     * minute; cached input not counted; input + max_tokens checked against the input quota.
     */
    MANTLE("mantle");

    private final String word;

    Endpoint(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Endpoint of(String word) {
        for (Endpoint e : values()) {
            if (e.word.equalsIgnoreCase(word)) {
                return e;
            }
        }
        throw new IllegalArgumentException("expected 'runtime' or 'mantle', got '" + word + "'");
    }
}
