package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Endpoint;
import com.quotadoctor.domain.Quota;

import java.util.Optional;

/**
 * An increase on one endpoint's quota while the calls fail on the other: bedrock-runtime's and bedrock-mantle's quotas
 * are separate, "even when calling the same underlying model" (Bedrock User Guide, quotas.html), so no value on one
 * ever helps calls on the other.
 */
final class EndpointMismatchRule extends MismatchRule {

    @Override
    Mismatch dimension() {
        return Mismatch.ENDPOINT;
    }

    @Override
    FindingDraft describe(FindingDraft draft, Assessment a, Workload w, Optional<Quota> target) {
        boolean onMantle = w.endpoint() == Endpoint.MANTLE;
        String raised = onMantle ? "bedrock-runtime" : "bedrock-mantle";
        String used = onMantle ? "bedrock-mantle" : "bedrock-runtime";
        String how = onMantle
                ? "AWS/BedrockMantle counts 4xx answers to them (a throttle would be among these: mantle publishes no "
                + "separate throttle count, and its inference calls are CloudTrail data events LookupEvents does not return)"
                : "CloudTrail and AWS/Bedrock show them throttled";
        return draft.title("Increase on the " + raised + " quota, calls go to " + used)
                .explain("Amazon Bedrock tracks its two inference endpoints against separate quotas, even for the same "
                        + "model: bedrock-runtime (InvokeModel, Converse) and bedrock-mantle (the OpenAI Responses and "
                        + "Chat Completions APIs, the Anthropic Messages API). " + Facts.describe(a.request())
                        + " raised a " + raised + " quota, but the failing calls of " + w.model().raw() + " in "
                        + w.region() + " go to " + used + ": " + how + ".");
    }
}
