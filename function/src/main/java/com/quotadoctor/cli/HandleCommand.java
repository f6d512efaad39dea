package com.quotadoctor.cli;

import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.TextFile;
import com.quotadoctor.trigger.TriggerParser;
import com.quotadoctor.workflow.Configuration;
import com.quotadoctor.workflow.DiagnoseStep;
import com.quotadoctor.workflow.EvidenceSource;
import com.quotadoctor.workflow.StepOutcome;
import com.quotadoctor.workflow.Telemetry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code handle}: runs the Lambda path locally on an event exactly as AWS delivers it, and prints the
 * notification it would send instead of publishing it.
 */
@Command(name = "handle", mixinStandardHelpOptions = true,
        description = {HandleCommand.SUMMARY,
                "Evidence comes from --snapshot, else from AWS (standard SDK configuration)."})
final class HandleCommand implements Callable<Integer> {

    /** The first line of its help: what the top-level help lists. */
    static final String SUMMARY = "Run the Diagnose handler locally on an event file (as AWS delivers it) and print the "
            + "notification instead of publishing it.";

    enum Format { text, json }

    @Option(names = "--event", paramLabel = "FILE", required = true, description = "The event JSON, e.g. events/cloudwatch-alarm-throttles.json.")
    Path event;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Evidence snapshot to diagnose against.")
    Path snapshot;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    CollectionOptions collection;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text = TextFile.read(event, TriggerParser.LARGEST_EVENT, "event"); // bounded before it is parsed
        EvidenceSource evidence = snapshot != null
                ? request -> new SnapshotReader().read(snapshot)
                : request -> collection.collect(request).snapshot();
        StepOutcome outcome = new DiagnoseStep(evidence, Diagnostician.standard(), Configuration.local(), Telemetry.NONE)
                .run(text);
        if (outcome instanceof StepOutcome.Rejected rejected) {
            throw new BadInputException(rejected.reason());
        }
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(JsonTree.write(outcome.toJson()));
        } else if (outcome instanceof StepOutcome.Diagnosed d) {
            out.println("Subject: " + d.notification().subject());
            out.println("Attributes: " + d.notification().attributes());
            out.println();
            out.println(d.notification().text());
        } else if (outcome instanceof StepOutcome.Skipped s) {
            out.println("Skipped (" + s.trigger() + "): " + s.reason());
        }
        out.flush();
        return 0;
    }
}
