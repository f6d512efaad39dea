package com.quotadoctor.cli;

import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.SnapshotWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code capture}: collects live evidence and writes it as a snapshot, to diagnose later or hand to support. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {CaptureCommand.SUMMARY,
                "Replay it with: diagnose --snapshot FILE"})
final class CaptureCommand implements Callable<Integer> {

    /** The first line of its help: what the top-level help lists. */
    static final String SUMMARY = "Collect live evidence from AWS and write it as a snapshot (JSON in the AWS APIs' "
            + "wire format).";

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to write the snapshot; with --organization, a directory: one <account>.json per account.")
    Path out;

    @Mixin
    RequestOptions context;

    @Mixin
    CollectionOptions collection;

    @Mixin
    OrganizationOptions organization;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (organization.enabled) {
            return organization();
        }
        DiagnosisRequest request = context.over(DiagnosisRequest.empty());
        OutputFile target = OutputFile.checked(out);
        Capture capture = collection.collect(request);
        CollectionOptions.requireSomethingRead(capture, "; " + out + " left as it was");
        target.write(new SnapshotWriter().write(capture));
        var err = spec.commandLine().getErr();
        try {
            // the evidence is kept either way: a filter that matched nothing is said, not a lost capture
            context.requireMatches(capture.evidence(), err);
        } catch (BadInputException unmatched) {
            err.println("quota-doctor: note: " + com.quotadoctor.domain.Text.oneLine(unmatched.getMessage(), 2_000)
                    + "; the snapshot holds what was read");
        }
        err.flush();
        int gaps = capture.evidence().allGaps().size();
        spec.commandLine().getOut().println("wrote " + out + ": " + capture.regions().size() + " regions, "
                + gaps + " evidence gap" + (gaps == 1 ? "" : "s"));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** One snapshot per member account, in a directory {@code diagnose --organization --snapshot} reads back. */
    private int organization() {
        if (context.account != null) {
            throw new BadInputException("--account: each member account is captured as itself with --organization");
        }
        try {
            java.nio.file.Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new BadInputException("--out: cannot create the directory " + out + ": " + e.getMessage(), e);
        }
        java.util.Map<String, Capture> captures = organization.collect(collection, context.over(DiagnosisRequest.empty()));
        int gaps = 0;
        for (java.util.Map.Entry<String, Capture> capture : captures.entrySet()) {
            OutputFile.checked(out.resolve(capture.getKey() + ".json")).write(new SnapshotWriter().write(capture.getValue()));
            gaps += capture.getValue().evidence().allGaps().size();
        }
        spec.commandLine().getOut().println("wrote " + captures.size() + " account snapshots to " + out + ", " + gaps
                + " evidence gap" + (gaps == 1 ? "" : "s"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
