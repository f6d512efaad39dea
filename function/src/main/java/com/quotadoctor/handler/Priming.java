package com.quotadoctor.handler;

import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.workflow.Configuration;
import com.quotadoctor.workflow.DiagnoseStep;
import com.quotadoctor.workflow.StepOutcome;
import com.quotadoctor.workflow.Telemetry;
import org.crac.Context;
import org.crac.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, diagnose a bundled event against a
 * bundled snapshot (trigger parsing, the rules, rendering, JSON: the classes a first invocation needs) and build
 * the AWS clients of the workload regions. No AWS call is made: connections and credentials are not carried
 * into the snapshot. On a JVM without CRaC (local runs) nothing calls it.
 */
final class Priming implements Resource {

    private final Runnable prepareClients;

    Priming(Runnable prepareClients) {
        this.prepareClients = prepareClients;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: credentials are read from the environment per call, connections are opened per call
    }

    /** @return the verdict of the bundled diagnosis */
    String prime() {
        String event = resource("priming/on-demand.json");
        String snapshot = resource("priming/snapshots/region-mismatch.json");
        // the report too (jsoup, the SVG), rendered and dropped: a store that keeps nothing, and calls no AWS
        StepOutcome outcome = new DiagnoseStep(request -> new SnapshotReader().read(snapshot),
                com.quotadoctor.workflow.MemberEvidence.NONE, com.quotadoctor.workflow.RunLedger.NONE,
                java.time.Clock.systemUTC(), Diagnostician.standard(), Configuration.local(), Telemetry.NONE,
                (name, html) -> java.util.Optional.empty()).run(event);
        outcome.toJson();
        prepareClients.run();
        return outcome instanceof StepOutcome.Diagnosed d ? d.diagnosis().verdict().name() : outcome.toString();
    }

    private static String resource(String name) {
        try (InputStream in = Priming.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
