package com.quotadoctor.cli;

import com.quotadoctor.capacity.CapacityPlan;
import com.quotadoctor.capacity.CapacityPlanner;
import com.quotadoctor.capacity.ExpectedWorkload;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.TextFile;
import com.quotadoctor.json.TrafficJson;
import com.quotadoctor.notification.CapacityJson;
import com.quotadoctor.notification.CapacityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code plan --traffic}: expected traffic in, every quota to raise out, before the launch. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {PlanCommand.SUMMARY,
                "Quotas come from --snapshot, else from AWS (standard SDK configuration).",
                "Exit 0 when the plan was made (unless --fail-on raise and a quota must be raised: 3); 2 for bad usage "
                        + "or input; 1 otherwise."})
final class PlanCommand implements Callable<Integer> {

    /** The first line of its help: what the top-level help lists. */
    static final String SUMMARY = "Plan capacity before a launch: which quotas govern the expected traffic, what it "
            + "needs of each, and the requests to file (one value per quota, with a justification).";

    enum Format { text, json, markdown, csv, html }

    enum FailOn { raise }

    @Option(names = "--traffic", paramLabel = "FILE", required = true,
            description = "The expected traffic, YAML or JSON (events/traffic.yaml is an example).")
    Path traffic;

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "Plan against an evidence snapshot's quotas instead of reading them from AWS.")
    Path snapshot;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown, csv or html (one self-contained page with bars; default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", paramLabel = "WHEN",
            description = "raise: exit " + DiagnoseCommand.FINDING_AT_SEVERITY + " when a quota must be raised or "
                    + "can't be (a CI gate before a launch).")
    FailOn failOn;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the plan to FILE (atomically, checked before any AWS call) instead of standard output.")
    Path out;

    @Mixin
    CollectionOptions collection;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** A traffic file is a person's few lines: far below this. */
    static final int LARGEST_TRAFFIC_FILE = 256 * 1024;

    @Override
    public Integer call() {
        OutputFile file = out == null ? null : OutputFile.checked(out);
        List<ExpectedWorkload> workloads = TrafficJson.read("traffic file " + traffic,
                TextFile.read(traffic, LARGEST_TRAFFIC_FILE, "traffic"));
        Snapshot evidence = snapshot != null ? new SnapshotReader().read(snapshot) : collectFor(workloads, collection);
        CapacityPlan plan = new CapacityPlanner().plan(workloads, evidence.evidence());
        String rendered = switch (format) {
            case json -> JsonTree.write(CapacityJson.write(plan));
            case csv -> CapacityReport.csv(plan);
            case html -> new com.quotadoctor.notification.CapacityHtml().render(plan);
            case markdown -> new CapacityReport(CapacityReport.Style.MARKDOWN).render(plan);
            case text -> new CapacityReport(CapacityReport.Style.TEXT).render(plan);
        };
        if (file != null) {
            file.write(rendered.endsWith("\n") ? rendered : rendered + System.lineSeparator());
        } else {
            spec.commandLine().getOut().print(rendered.endsWith("\n") ? rendered : rendered + System.lineSeparator());
            spec.commandLine().getOut().flush();
        }
        return failOn != null && plan.needsAction() ? DiagnoseCommand.FINDING_AT_SEVERITY : 0;
    }

    /** The quotas of every region the workloads name, read for their models: the collector names the governing codes. */
    static Snapshot collectFor(List<ExpectedWorkload> workloads, CollectionOptions collection) {
        Set<String> regions = new LinkedHashSet<>();
        Set<com.quotadoctor.domain.ModelId> models = new LinkedHashSet<>();
        workloads.forEach(w -> {
            regions.addAll(w.regions());
            models.add(w.model());
        });
        DiagnosisRequest request = new DiagnosisRequest(workloads.get(0).account(), List.copyOf(regions),
                models.stream().limit(DiagnosisRequest.MOST_MODELS).toList(), Optional.empty(), Optional.empty(),
                ErrorSignal.NONE, 1, Optional.empty());
        if (collection.scanRegions.isEmpty()) {
            collection.scanRegions = new java.util.ArrayList<>(regions); // only where the workloads will run
        }
        // the Mantle quotas are not among those the collector names for runtime calls: read them all there
        collection.allQuotas |= workloads.stream().anyMatch(w -> w.endpoint() == com.quotadoctor.domain.Endpoint.MANTLE);
        var capture = collection.collect(request);
        CollectionOptions.requireSomethingRead(capture, "");
        return capture.snapshot();
    }
}
