package com.quotadoctor.cli;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.domain.AwsRegion;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.notification.DiagnosisJson;
import com.quotadoctor.notification.DiagnosisReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code diagnose}: reads the evidence, names the misalignment, prints the diagnosis. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnose why Bedrock calls are throttled despite an approved quota increase.",
                "Exit 0 when a diagnosis was produced, whatever its verdict; 2 for bad usage or input; 1 otherwise."})
final class DiagnoseCommand implements Callable<Integer> {

    /** Output formats of the contract. */
    enum Format { text, json, markdown }

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "Diagnose offline from an evidence snapshot (JSON in the AWS APIs' wire format).")
    Path snapshot;

    @Option(names = "--model", paramLabel = "ID",
            description = "Model id, inference profile id or ARN the failing calls use (repeatable).")
    List<String> models = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION", description = "Region the failing calls run in (repeatable).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--account", paramLabel = "ID", description = "Account that makes the failing calls.")
    String account;

    @Option(names = "--request-id", paramLabel = "ID", description = "Increase request to follow.")
    String requestId;

    @Option(names = "--quota-code", paramLabel = "CODE", description = "Quota to focus on, e.g. L-F4DDD3EB.")
    String quotaCode;

    @Option(names = "--error-message", paramLabel = "TEXT",
            description = "The error message the calls get, e.g. \"Too many tokens, please wait before trying again.\"")
    String errorMessage;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (snapshot == null) {
            throw new IllegalArgumentException("live evidence collection is not available in this build; "
                    + "pass --snapshot FILE to diagnose a captured snapshot");
        }
        Snapshot evidence = new SnapshotReader().read(snapshot);
        DiagnosisRequest request = withFlags(evidence.request());
        Diagnosis diagnosis = Diagnostician.standard().diagnose(request, evidence.evidence());
        String rendered = switch (format) {
            case json -> DiagnosisJson.write(diagnosis);
            case markdown -> new DiagnosisReport(DiagnosisReport.Style.MARKDOWN).render(diagnosis);
            case text -> new DiagnosisReport(DiagnosisReport.Style.TEXT).render(diagnosis);
        };
        spec.commandLine().getOut().println(rendered);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Flags override (or supply) what the snapshot says about the failing context. */
    DiagnosisRequest withFlags(DiagnosisRequest fromSnapshot) {
        List<ModelId> modelIds = models.isEmpty() ? fromSnapshot.models()
                : models.stream().map(m -> {
                    try {
                        return ModelId.parse(m);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--model: " + e.getMessage(), e);
                    }
                }).toList();
        List<String> regionNames = regions.isEmpty() ? fromSnapshot.regions()
                : regions.stream().map(r -> {
                    try {
                        return AwsRegion.require(r);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--region: " + e.getMessage(), e);
                    }
                }).toList();
        if (account != null && !account.matches("\\d{12}")) {
            throw new IllegalArgumentException("--account: expected a 12-digit account id, got '" + account + "'");
        }
        ErrorSignal error = errorMessage == null ? fromSnapshot.error()
                : new ErrorSignal(fromSnapshot.error().code(), Optional.of(errorMessage));
        return new DiagnosisRequest(Optional.ofNullable(account).or(fromSnapshot::account), regionNames, modelIds,
                Optional.ofNullable(requestId).or(fromSnapshot::requestId),
                Optional.ofNullable(quotaCode).or(fromSnapshot::quotaCode), error, fromSnapshot.attempt(),
                fromSnapshot.deadline());
    }
}
