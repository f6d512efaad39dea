package com.quotadoctor.diagnosis;

import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubWorld;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command of every scenario's plan, parsed by the real AWS CLI (Debian's awscli, v2) against the local
 * stub: no usage error (exit 252). Commands of services this CLI version does not know (bedrock,
 * bedrock-runtime) are listed, not run. CI installs the CLI and sets QD_REQUIRE_AWSCLI=1, so there the test
 * cannot skip.
 */
class PlanCommandsAwsCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final Path SNAPSHOTS = Path.of("..", "events", "snapshots");
    /** awscli v2: "the command line failed to parse" (unknown option, bad value, missing argument). */
    private static final int USAGE_ERROR = 252;

    @Test
    void everyPlanCommandParses(@TempDir Path dir) throws IOException, InterruptedException {
        boolean required = System.getenv("QD_REQUIRE_AWSCLI") != null;
        Assumptions.assumeTrue(required || Files.isExecutable(AWS), "the AWS CLI is not installed at " + AWS);
        assertThat(AWS).as("QD_REQUIRE_AWSCLI is set: install Debian's awscli").isExecutable();

        Set<String> commands = new TreeSet<>();
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Snapshot snapshot = new SnapshotReader().read(file);
                Diagnosis d = Diagnostician.standard().diagnose(snapshot.request(), snapshot.evidence());
                d.plan().forEach(step -> step.command().ifPresent(commands::add));
            }
        }
        assertThat(commands).hasSizeGreaterThan(20);
        // the organisation report's fix, and how README starts a sweep by hand with an event as its input
        commands.addAll(organisationCommands());
        // the capacity plan's filings for the example traffic file
        var workloads = com.quotadoctor.json.TrafficJson.read("traffic", Files.readString(Path.of("..", "events",
                "traffic.yaml")));
        new com.quotadoctor.capacity.CapacityPlanner().plan(workloads, new SnapshotReader().read(SNAPSHOTS.resolve(
                "region-mismatch.json")).evidence()).filings().forEach(f -> commands.add(Commands.requestIncrease(
                f.quotaCode(), f.value(), f.region())));

        try (StubAws stub = new StubAws(StubAccount.home(StubWorld.HOME))) {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path wrapper = bin.resolve("aws");
            Files.writeString(wrapper, "#!/bin/sh\nexec " + AWS + " --endpoint-url " + stub.endpoint() + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, Boolean> known = new ConcurrentHashMap<>();
            Map<String, String> usageErrors = new TreeMap<>();
            List<String> notKnown = new ArrayList<>();
            for (String command : commands) {
                String service = command.split(" ")[1];
                if (!known.computeIfAbsent(service, s -> knows(s, dir))) {
                    notKnown.add(command);
                    continue;
                }
                Result r = run(List.of("/bin/sh", "-c", command), bin, dir);
                if (r.exit() == USAGE_ERROR) {
                    usageErrors.put(command, r.output());
                }
            }
            System.out.println("AWS CLI parsed " + (commands.size() - notKnown.size()) + " plan commands; "
                    + notKnown.size() + " of services this CLI version does not know: " + notKnown);
            assertThat(usageErrors).as("commands the AWS CLI refuses").isEmpty();
            assertThat(commands.size() - notKnown.size()).isGreaterThan(10);
        }
    }

    private static List<String> organisationCommands() throws IOException {
        Path dir = Path.of("..", "events", "organization");
        Map<String, String> objects = Map.of("m", Files.readString(dir.resolve("manifest.json")).replace(
                "results/ad9b5f27-090b-3ac6-9beb-243cd77144a7/", ""), "SUCCEEDED_0.json",
                Files.readString(dir.resolve("SUCCEEDED_0.json")), "FAILED_0.json", Files.readString(dir.resolve("FAILED_0.json")));
        var bucket = new com.quotadoctor.organization.ResultsBucket() {
            @Override
            public String read(String key) {
                return objects.get(key);
            }

            @Override
            public void write(String key, String json) {
            }
        };
        List<String> out = new ArrayList<>();
        com.quotadoctor.organization.OrganizationReport.of(com.quotadoctor.organization.MapRunResults.read(bucket, "m",
                List.of())).mismatches().forEach(m -> out.add(m.command()));
        assertThat(out).isNotEmpty();
        out.add("aws stepfunctions start-execution --state-machine-arn arn:aws:states:us-east-1:111122223333:stateMachine:"
                + "OrganizationStateMachine-a1b2 --input file://" + Path.of("..", "events", "cloudwatch-alarm-throttles.json")
                .toAbsolutePath().normalize());
        return out;
    }

    private static boolean knows(String service, Path dir) {
        try {
            return run(List.of(AWS.toString(), service, "help"), null, dir).exit() == 0;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path bin, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        if (bin != null) {
            env.put("PATH", bin + ":/usr/bin:/bin");
        }
        env.put("AWS_ACCESS_KEY_ID", StubAws.HOME_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", "stub-secret");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("PAGER", "cat");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the AWS CLI did not finish: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
