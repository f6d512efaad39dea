package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.Probe;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import java.util.Optional;

/**
 * The explicit-region retest: one Converse call with one output token, in a named region. Its outcome
 * is evidence either way, so it never throws.
 */
final class ProbePort {

    private final AwsClients clients;

    ProbePort(AwsClients clients) {
        this.clients = clients;
    }

    Probe probe(Access access, String region, String modelId) {
        long started = System.nanoTime();
        try {
            clients.bedrockRuntime(access, region).converse(b -> b.modelId(modelId)
                    .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("ping")).build())
                    .inferenceConfig(c -> c.maxTokens(1)));
            return new Probe(region, modelId, "Success", Optional.empty(), Optional.of(elapsedMs(started)));
        } catch (RuntimeException e) {
            var gap = AwsFailure.gap(region, com.quotadoctor.domain.Operation.CONVERSE, access, e);
            return new Probe(region, modelId, gap.code(), Optional.of(gap.message()), Optional.of(elapsedMs(started)));
        }
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
