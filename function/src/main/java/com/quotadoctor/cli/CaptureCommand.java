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
import java.nio.file.StandardCopyOption;
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
        Path target = writable(out);
        Capture capture = collection.collect(request);
        if (capture.regions().values().stream().allMatch(r -> r.collected().isEmpty())) {
            throw new IllegalArgumentException("nothing could be read ("
                    + capture.evidence().allGaps().stream().findFirst().map(g -> g.where() + ": " + g.code() + " " + g.message())
                    .orElse("no region collected") + "); " + out + " left as it was");
        }
        try {
            // written beside the target, then moved over it: a reader never sees half a snapshot
            Path temporary = Files.createTempFile(target.getParent(), ".capture-", ".json");
            try {
                Files.writeString(temporary, new SnapshotWriter().write(capture));
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        int gaps = capture.evidence().allGaps().size();
        spec.commandLine().getOut().println("wrote " + out + ": " + capture.regions().size() + " regions, "
                + gaps + " evidence gap" + (gaps == 1 ? "" : "s"));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Checked before anything is collected: a run of many seconds must not end in "cannot write". */
    private static Path writable(Path file) {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("--out " + file + " is a directory");
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)
                || (Files.exists(target) && !Files.isWritable(target))) {
            throw new IllegalArgumentException("--out " + file + " cannot be written (the directory must exist and be writable)");
        }
        return target;
    }
}
