package com.quotadoctor.cli;

import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.notification.OrganizationDigest;
import com.quotadoctor.organization.OrganizationReport;
import com.quotadoctor.organization.OrganizationReportJson;
import java.util.Map;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.diagnosis.Severity;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.notification.DiagnosisJson;
import com.quotadoctor.notification.DiagnosisReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code diagnose}: reads the evidence, names the misalignment, prints the diagnosis. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {DiagnoseCommand.SUMMARY,
                "Exit 0 when a diagnosis was produced, whatever its verdict (unless --fail-on says otherwise); "
                        + "2 for bad usage or input; 1 otherwise."})
final class DiagnoseCommand implements Callable<Integer> {

    /** The first line of its help: what the top-level help lists. */
    static final String SUMMARY = "Diagnose why Bedrock calls are throttled despite an approved quota increase.";

    /** Output formats of the contract. */
    enum Format { text, json, markdown, html }

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "Diagnose offline from an evidence snapshot (JSON in the AWS APIs' wire format); "
                    + "without it, evidence is collected live with the standard AWS SDK configuration.")
    Path snapshot;

    @Mixin
    RequestOptions context;

    @Mixin
    CollectionOptions collection;

    @Mixin
    OrganizationOptions organization;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown or html (one self-contained page with charts; default: ${DEFAULT-VALUE}).")
    Format format;

    /** Severities that turn a diagnosis into a non-zero exit, for scripts and CI gates. */
    enum FailOn { critical, warning }

    /** The exit status when --fail-on matches: distinct from 1 (unexpected failure) and 2 (bad usage or input). */
    static final int FINDING_AT_SEVERITY = 3;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit " + FINDING_AT_SEVERITY + " when a finding is at least this severe: critical, or warning "
                    + "(warning or critical). Default: exit 0 whatever the verdict.")
    FailOn failOn;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the diagnosis to FILE (atomically, checked before any AWS call) instead of standard output.")
    Path out;

    @Option(names = "--brief", description = "Only the verdict, the top finding and the plan (text and markdown of one "
            + "account; refused with json, html and --organization).")
    boolean brief;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (brief && (organization.enabled || format == Format.json || format == Format.html)) {
            // a flag that would be silently ignored is a usage error: the user asked for something they won't get
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--brief shortens the text and markdown "
                    + "reports of one account, not " + (organization.enabled ? "--organization" : "--format " + format));
        }
        if (organization.enabled) {
            return organization();
        }
        OutputFile file = out == null ? null : OutputFile.checked(out);
        Snapshot evidence = snapshot != null ? new SnapshotReader().read(snapshot) : live();
        context.requireMatches(evidence.evidence(), spec.commandLine().getErr());
        DiagnosisRequest request = context.over(evidence.request());
        var judgement = collection.diagnostician().judge(request, evidence.evidence());
        Diagnosis diagnosis = judgement.diagnosis();
        String rendered = switch (format) {
            case html -> new com.quotadoctor.notification.HtmlReport().render(judgement);
            case json -> DiagnosisJson.write(diagnosis);
            case markdown -> brief ? new DiagnosisReport(DiagnosisReport.Style.MARKDOWN).brief(diagnosis)
                    : new DiagnosisReport(DiagnosisReport.Style.MARKDOWN).render(diagnosis);
            case text -> brief ? new DiagnosisReport(DiagnosisReport.Style.TEXT).brief(diagnosis)
                    : new DiagnosisReport(DiagnosisReport.Style.TEXT).render(diagnosis);
        };
        print(file, rendered);
        return failOn != null && diagnosis.findings().stream().anyMatch(f -> atLeast(f.severity())) ? FINDING_AT_SEVERITY : 0;
    }

    private Snapshot live() {
        var capture = collection.collect(context.over(DiagnosisRequest.empty()));
        CollectionOptions.requireSomethingRead(capture, "");
        return capture.snapshot();
    }

    /** Every member account, each diagnosed, then set against each other: the organisation's report. */
    private int organization() {
        if (context.account != null) {
            throw new BadInputException("--account: each member account is diagnosed as itself with --organization");
        }
        OutputFile file = out == null ? null : OutputFile.checked(out);
        Map<String, Snapshot> snapshots = snapshot != null ? OrganizationOptions.snapshots(snapshot)
                : organization.collect(collection, context.over(DiagnosisRequest.empty())).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().snapshot(),
                        (a, b) -> a, java.util.LinkedHashMap::new));
        OrganizationReport report = OrganizationOptions.reduce(snapshots, context::over);
        print(file, switch (format) {
            case json -> JsonTree.write(OrganizationReportJson.write(report, Integer.MAX_VALUE));
            case html -> new com.quotadoctor.notification.OrganizationHtml().render(report);
            default -> new OrganizationDigest().text(report);
        });
        return failOn != null && atLeast(report.severity()) && report.needingAction() > 0 ? FINDING_AT_SEVERITY : 0;
    }

    private void print(OutputFile file, String rendered) {
        if (file != null) {
            file.write(rendered + System.lineSeparator());
        } else {
            spec.commandLine().getOut().println(rendered);
            spec.commandLine().getOut().flush();
        }
    }

    private boolean atLeast(Severity severity) {
        return severity == Severity.CRITICAL || (failOn == FailOn.warning && severity == Severity.WARNING);
    }
}
