package com.quotadoctor.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.quotadoctor.handler.aws.AwsRuntime;
import com.quotadoctor.workflow.Configuration;
import com.quotadoctor.workflow.DiagnoseStep;
import com.quotadoctor.workflow.StepOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.io.InputStream;
import java.io.OutputStream;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The Diagnose task of the workflow, and the function a console test event or {@code aws lambda invoke}
 * reaches: any trigger in, the diagnosis JSON (with its notification) out. A malformed event is a result
 * ({@code {"error": …}}), logged once: retrying it could not help.
 */
public final class DiagnoseHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DiagnoseHandler.class);

    private final DiagnoseStep step;
    private final Runnable flush;
    /** Held here: CRaC keeps only a weak reference to registered resources. */
    private final Priming priming;

    public DiagnoseHandler() {
        this(AwsRuntime.diagnosis(FunctionEnvironment.CONFIGURATION, FunctionEnvironment.TELEMETRY));
    }

    private DiagnoseHandler(AwsRuntime.Diagnosis diagnosis) {
        this(diagnosis.step(), FunctionEnvironment.TELEMETRY::flush, new Priming(diagnosis.prepareClients()));
        org.crac.Core.getGlobalContext().register(priming);
    }

    public DiagnoseHandler(DiagnoseStep step, Runnable flush) {
        this(step, flush, null);
    }

    private DiagnoseHandler(DiagnoseStep step, Runnable flush, Priming priming) {
        this.step = step;
        this.flush = flush;
        this.priming = priming;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        java.util.Optional<String> payload = LambdaIo.read(input);
        StepOutcome outcome = PowertoolsLogging.withLogging(context, () ->
                Correlation.around(payload.orElse(null), context.getAwsRequestId(), () -> {
                    StepOutcome result = payload.map(step::run)
                            .orElseGet(() -> new StepOutcome.Rejected(LambdaIo.tooLarge()));
                    log(result);
                    return result;
                }));
        try {
            LambdaIo.write(output, outcome.toJson());
        } finally {
            flush.run();
        }
    }

    private static void log(StepOutcome outcome) {
        if (outcome instanceof StepOutcome.MemberDiagnosed m) {
            LOG.info("diagnosed member account", entry("account", m.report().account()),
                    entry("verdict", m.diagnosed().diagnosis().verdict().name()),
                    entry("fingerprint", m.diagnosed().diagnosis().fingerprint()),
                    entry("evidenceGaps", m.diagnosed().diagnosis().evidenceGaps().size()));
        } else if (outcome instanceof StepOutcome.Diagnosed d) {
            LOG.info("diagnosed", entry("trigger", d.trigger()), entry("verdict", d.diagnosis().verdict().name()),
                    entry("fingerprint", d.diagnosis().fingerprint()), entry("attempt", d.diagnosis().attempt()),
                    entry("nextCheckSeconds", d.diagnosis().nextCheckSeconds().orElse(null)),
                    entry("evidenceGaps", d.diagnosis().evidenceGaps().size()));
        } else if (outcome instanceof StepOutcome.Skipped s) {
            LOG.info("skipped", entry("trigger", s.trigger()), entry("reason", s.reason()));
        } else if (outcome instanceof StepOutcome.Rejected r) {
            LOG.warn("event rejected", entry("reason", r.reason()));
        }
    }

}
