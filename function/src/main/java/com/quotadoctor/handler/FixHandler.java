package com.quotadoctor.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.handler.aws.AwsRuntime;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.workflow.FixStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.io.InputStream;
import java.io.OutputStream;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The guided fix's filing function (deployed only with {@code guidedFix=true}): files the approved increases. The
 * only code allowed {@code servicequotas:RequestServiceQuotaIncrease}.
 */
public final class FixHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FixHandler.class);

    private final FixStep step;
    private final Runnable flush;

    public FixHandler() {
        this(AwsRuntime.fixStep(FunctionEnvironment.CONFIGURATION), FunctionEnvironment.TELEMETRY::flush);
    }

    public FixHandler(FixStep step, Runnable flush) {
        this.step = step;
        this.flush = flush;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        String payload = LambdaIo.read(input).orElse(null);
        try {
            ObjectNode result = PowertoolsLogging.withLogging(context, () -> Correlation.around(payload,
                    context.getAwsRequestId(), () -> {
                if (payload == null) {
                    return JsonTree.NODES.objectNode().put("error", LambdaIo.tooLarge());
                }
                try {
                    // arn:aws:lambda:<region>:<account>:function:<name>: the account this function files in
                    String[] arn = String.valueOf(context.getInvokedFunctionArn()).split(":");
                    ObjectNode out = step.run(payload, arn.length > 4 && arn[4].matches("\\d{12}")
                            ? java.util.Optional.of(arn[4]) : java.util.Optional.empty());
                    LOG.info("guided fix", entry("filed", out.path("filed").size()),
                            entry("nothing", out.path("nothing").size()), entry("refused", out.path("refused").size()));
                    return out;
                } catch (ShapeException e) {
                    LOG.warn("fix input rejected", entry("reason", e.getMessage()));
                    return JsonTree.NODES.objectNode().put("error", e.getMessage());
                }
            }));
            LambdaIo.write(output, result);
        } finally {
            flush.run();
        }
    }
}
