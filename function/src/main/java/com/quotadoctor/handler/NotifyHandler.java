package com.quotadoctor.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.handler.aws.AwsRuntime;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.workflow.NotifyStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.io.InputStream;
import java.io.OutputStream;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.json;

/**
 * The Notify task: announces a diagnosis or a caught failure once per situation. A failed publish fails
 * the task, so the workflow retries it, and the diagnosis it carried is written to the log first.
 */
public final class NotifyHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyHandler.class);

    private final NotifyStep step;
    private final Runnable flush;

    public NotifyHandler() {
        this(FunctionEnvironment.TELEMETRY);
    }

    private NotifyHandler(PowertoolsTelemetry telemetry) {
        this(AwsRuntime.notifyStep(FunctionEnvironment.CONFIGURATION, telemetry), telemetry::flush);
    }

    public NotifyHandler(NotifyStep step, Runnable flush) {
        this.step = step;
        this.flush = flush;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        String payload = LambdaIo.read(input).orElse(null);
        ObjectNode result = PowertoolsLogging.withLogging(context, () -> Correlation.around(payload,
                context.getAwsRequestId(), () -> {
            ObjectNode out = JsonTree.NODES.objectNode();
            if (payload == null) {
                LOG.warn("notify input rejected", entry("reason", LambdaIo.tooLarge()));
                return out.put("error", LambdaIo.tooLarge());
            }
            try {
                NotifyStep.Result r = step.run(payload);
                LOG.info("notification " + r.name().toLowerCase(java.util.Locale.ROOT), entry("result", r.name()));
                return out.put("result", r.name());
            } catch (ShapeException e) {
                LOG.warn("notify input rejected", entry("reason", e.getMessage()));
                return out.put("error", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("notification not sent; the workflow will retry", json("diagnosis", payload), e);
                throw e;
            }
        }));
        try {
            LambdaIo.write(output, result);
        } finally {
            flush.run();
        }
    }
}
