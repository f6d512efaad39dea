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
        description = {"Collect live evidence from AWS and write it as a snapshot (JSON in the AWS APIs' wire format).",
                "Replay it with: diagnose --snapshot FILE"})
final class CaptureCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the snapshot.")
    Path out;

    @Mixin
    RequestOptions context;

    @Mixin
    CollectionOptions collection;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DiagnosisRequest request = context.over(DiagnosisRequest.empty());
        OutputFile target = OutputFile.checked(out);
        Capture capture = collection.collect(request);
        if (capture.regions().values().stream().allMatch(r -> r.collected().isEmpty())) {
            throw new BadInputException("nothing could be read ("
                    + capture.evidence().allGaps().stream().findFirst().map(g -> g.where() + ": " + g.code() + " " + g.message())
                    .orElse("no region collected") + "); " + out + " left as it was");
        }
        target.write(new SnapshotWriter().write(capture));
        int gaps = capture.evidence().allGaps().size();
        spec.commandLine().getOut().println("wrote " + out + ": " + capture.regions().size() + " regions, "
                + gaps + " evidence gap" + (gaps == 1 ? "" : "s"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
