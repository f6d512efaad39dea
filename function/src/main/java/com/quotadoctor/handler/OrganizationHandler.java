package com.quotadoctor.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.handler.aws.AwsRuntime;
import com.quotadoctor.workflow.OrganizationStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.io.InputStream;
import java.io.OutputStream;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The organisation sweep's list and reduce tasks. A malformed input fails the task (the workflow's input is its own,
 * so a bad one is a bug to see, not a result to pass on); an Organizations or S3 failure fails it for the workflow's
 * retries.
 */
public final class OrganizationHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationHandler.class);

    private final OrganizationStep step;
    private final Runnable flush;

    public OrganizationHandler() {
        this(AwsRuntime.organizationStep(FunctionEnvironment.CONFIGURATION), FunctionEnvironment.TELEMETRY::flush);
    }

    public OrganizationHandler(OrganizationStep step, Runnable flush) {
        this.step = step;
        this.flush = flush;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        String payload = LambdaIo.read(input).orElseThrow(() -> new IllegalArgumentException(LambdaIo.tooLarge()));
        try {
            ObjectNode result = PowertoolsLogging.withLogging(context, () -> Correlation.around(payload,
                    context.getAwsRequestId(), () -> {
                        ObjectNode out = step.run(payload);
                        LOG.info("organization step", entry("count", out.path("count").asInt(-1)),
                                entry("severity", out.path("organization").path("severity").asText("")),
                                entry("accounts", out.path("organization").path("counts").path("accounts").asInt(-1)));
                        return out;
                    }));
            LambdaIo.write(output, result);
        } finally {
            flush.run();
        }
    }
}
