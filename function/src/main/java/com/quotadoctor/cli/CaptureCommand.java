package com.quotadoctor.cli;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.SnapshotWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
        Capture capture = collection.collect(request);
        try {
            Files.writeString(out, new SnapshotWriter().write(capture));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        int gaps = capture.evidence().allGaps().size();
        spec.commandLine().getOut().println("wrote " + out + ": " + capture.regions().size() + " regions, "
                + gaps + " evidence gap" + (gaps == 1 ? "" : "s"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
