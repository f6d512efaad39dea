package com.quotadoctor.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.handler.aws.AwsRuntime;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.watch.RequestWatcher;
import com.quotadoctor.watch.WatchReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/** The scheduled request watcher: one sweep over every configured region per invocation. */
public final class WatchHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WatchHandler.class);

    private final RequestWatcher watcher;
    private final List<String> regions;

    private final Runnable flush;

    public WatchHandler() {
        this(AwsRuntime.requestWatcher(FunctionEnvironment.CONFIGURATION),
                AwsRuntime.watchedRegions(FunctionEnvironment.CONFIGURATION), FunctionEnvironment.TELEMETRY::flush);
    }

    public WatchHandler(RequestWatcher watcher, List<String> regions) {
        this(watcher, regions, () -> { });
    }

    public WatchHandler(RequestWatcher watcher, List<String> regions, Runnable flush) {
        this.watcher = watcher;
        this.regions = List.copyOf(regions);
        this.flush = flush;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        // the same shape as the other two: logging context, a correlation id (the schedule's event id, else the
        // request id), the metrics flushed whatever happens
        java.util.Optional<String> payload = LambdaIo.read(input);
        try {
            WatchReport report = PowertoolsLogging.withLogging(context, () -> Correlation.around(payload.orElse(null),
                    context.getAwsRequestId(), this::sweep));
            LambdaIo.write(output, json(report));
        } finally {
            flush.run();
        }
    }

    private WatchReport sweep() {
        WatchReport r = watcher.sweep(regions);
        LOG.info("swept", entry("regions", r.regions()), entry("requests", r.requests()),
                entry("changes", r.emitted().size()), entry("undelivered", r.undelivered().size()),
                entry("drift", r.drift().size()), entry("lowered", r.lowered().size()),
                entry("loweredUndelivered", r.loweredUndelivered().size()), entry("evidenceGaps", r.gaps().size()));
        r.lowered().forEach(l -> LOG.warn("applied value lowered", entry("quotaCode", l.quotaCode()),
                entry("region", l.region()), entry("previousValue", l.from()), entry("appliedValue", l.to())));
        r.drift().forEach(d -> LOG.warn("approved but not applied", entry("requestId", d.requestId()),
                entry("quotaCode", d.quotaCode()), entry("region", d.region()),
                entry("desiredValue", d.desiredValue()), entry("appliedValue", d.appliedValue())));
        return r;
    }

    static ObjectNode json(WatchReport r) {
        ObjectNode out = JsonTree.NODES.objectNode();
        out.put("regions", r.regions());
        out.put("requests", r.requests());
        ArrayNode emitted = out.putArray("emitted");
        r.emitted().forEach(c -> emitted.addObject().put("requestId", c.requestId()).put("status", c.status())
                .put("region", c.region()));
        out.put("undelivered", r.undelivered().size());
        ArrayNode drift = out.putArray("drift");
        r.drift().forEach(d -> drift.addObject().put("requestId", d.requestId()).put("quotaCode", d.quotaCode())
                .put("region", d.region()).put("desiredValue", d.desiredValue()).put("appliedValue", d.appliedValue()));
        ArrayNode lowered = out.putArray("lowered");
        r.lowered().forEach(l -> lowered.addObject().put("quotaCode", l.quotaCode()).put("region", l.region())
                .put("previousValue", l.from()).put("appliedValue", l.to()));
        out.put("loweredUndelivered", r.loweredUndelivered().size());
        ArrayNode gaps = out.putArray("evidenceGaps");
        r.gaps().forEach(g -> gaps.addObject().put("region", g.region()).put("source", g.source()).put("code", g.code()));
        return out;
    }
}
