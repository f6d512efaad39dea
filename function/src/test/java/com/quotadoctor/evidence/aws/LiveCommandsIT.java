package com.quotadoctor.evidence.aws;

import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubCatalogue;
import com.quotadoctor.stub.StubFault;
import com.quotadoctor.stub.StubWorld;

import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.json.JsonTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar against the stub AWS, configured only the standard SDK way (environment variables):
 * {@code capture} writes a snapshot, {@code diagnose --snapshot} replays it, live {@code diagnose} agrees.
 */
class LiveCommandsIT {

    private static final Path JAR = Path.of(System.getProperty("quotadoctor.jar", "target/quota-doctor.jar"));
    private static final List<String> SCAN = List.of("--scan-region", "us-east-1", "--scan-region", "eu-west-1");
    private static StubAws aws;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        aws = new StubAws(StubWorld.home(List.of("us-east-1", "us-west-2", "eu-west-1"), Instant.now()));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    record Run(int exitCode, String out, String err) {
    }

    private Run run(Map<String, String> endpoints, String... args) throws IOException, InterruptedException {
        return run(List.of(), endpoints, args);
    }

    private Run run(List<String> jvm, Map<String, String> endpoints, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", dir.toString()); // no ~/.aws of the machine
        env.put("AWS_ACCESS_KEY_ID", StubAws.HOME_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", "stub-secret");
        env.put("AWS_REGION", "us-east-1");
        env.putAll(endpoints);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String verdict(Run run) throws IOException {
        JsonNode json = JsonTree.parse(run.out());
        return json.get("verdict").asText();
    }

    @Test
    void aCaptureReplaysToTheLiveDiagnosis() throws Exception {
        Map<String, String> endpoint = Map.of("AWS_ENDPOINT_URL", aws.endpoint().toString());
        Path snapshot = dir.resolve("capture.json");
        List<String> context = List.of("--region", "us-west-2", "--model", StubWorld.MODEL);

        Run capture = run(endpoint, concat(List.of("capture", "--out", snapshot.toString()), context, SCAN));
        Run replay = run(endpoint, "diagnose", "--snapshot", snapshot.toString(), "--format", "json");
        Run live = run(endpoint, concat(List.of("diagnose", "--format", "json"), context, SCAN));

        assertThat(capture.exitCode()).isZero();
        assertThat(capture.out()).startsWith("wrote " + snapshot + ": 3 regions, 0 evidence gaps");
        assertThat(capture.err()).isEmpty();
        assertThat(Files.readString(snapshot)).contains("\"serviceQuotas\"", "\"failedCalls\"");
        assertThat(verdict(replay)).isEqualTo("REGION_MISMATCH");
        assertThat(live.err()).isEmpty();
        assertThat(verdict(live)).isEqualTo(verdict(replay));
    }

    /**
     * Every list and lookup of every region but the request history answered with a body that never ends, at a
     * Lambda-sized heap: the run ends in seconds with one gap per read, never an OutOfMemoryError or a stack trace.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(com.quotadoctor.stub.HostileFront.Mode.class)
    void hostileBodiesEverywhereEndInGapsAtALambdaSizedHeap(com.quotadoctor.stub.HostileFront.Mode mode) throws Exception {
        try (var front = new com.quotadoctor.stub.HostileFront(aws.endpoint(), mode, java.util.Set.of("ListServiceQuotas",
                "ListAWSDefaultServiceQuotas", "LookupEvents", "GetMetricData"))) {
            long start = System.nanoTime();
            Run live = run(List.of("-Xmx512m"), Map.of("AWS_ENDPOINT_URL", front.endpoint().toString()),
                    concat(List.of("diagnose", "--format", "json", "--region", "us-west-2", "--model", StubWorld.MODEL),
                            SCAN));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;

            assertThat(live.err()).doesNotContain("OutOfMemoryError", "Exception", "\tat ");
            assertThat(live.exitCode()).as(live.err()).isZero();
            assertThat(seconds).isLessThan(60);
            JsonNode gaps = JsonTree.parse(live.out()).get("evidenceGaps");
            assertThat(gaps).isNotEmpty();
            // cut at its bound; or, where the body is not even the operation's protocol (XML), malformed at once; and
            // the requests that can't be judged without the quotas
            List<String> codes = new ArrayList<>();
            gaps.forEach(g -> codes.add(g.get("code").asText()));
            assertThat(codes).contains("ResponseTooLarge")
                    .isSubsetOf("ResponseTooLarge", "MalformedResponse", "UnjudgeableRequest");
        }
    }

    @Test
    void aCaptureWhoseFilterMatchesNothingSaysSoAndKeepsTheSnapshot() throws Exception {
        Path snapshot = dir.resolve("filtered.json");

        Run capture = run(Map.of("AWS_ENDPOINT_URL", aws.endpoint().toString()), concat(List.of("capture", "--out",
                snapshot.toString(), "--region", "us-west-2", "--quota-code", "L-NOPE0000"), SCAN));

        assertThat(capture.exitCode()).isZero();
        assertThat(capture.err()).startsWith("quota-doctor: note: --quota-code L-NOPE0000 matches no quota or request "
                + "in the evidence").contains("; the snapshot holds what was read").hasLineCount(1);
        assertThat(Files.readString(snapshot)).contains("\"requestedChanges\"");
    }

    @Test
    void planReadsOnlyTheWorkloadsRegionsAndSizesTheGoverningQuotas() throws Exception {
        Path traffic = dir.resolve("traffic.yaml");
        Files.writeString(traffic, "workloads:\n  - name: launch\n    model: " + StubWorld.MODEL + "\n    regions: ["
                + StubWorld.APPROVED_IN + ", " + StubWorld.FAILING_IN + "]\n    callsPerMinute: {peak: 120}\n"
                + "    tokensPerCall: {input: 3000, output: 800}\n    maxTokens: 4096\n");

        Run plan = run(Map.of("AWS_ENDPOINT_URL", aws.endpoint().toString()), "plan", "--traffic", traffic.toString(),
                "--format", "json");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        JsonNode json = JsonTree.parse(plan.out());
        List<String> verdicts = new ArrayList<>();
        json.get("quotas").forEach(q -> {
            if (q.get("measure").asText().equals("tokens per minute")) {
                verdicts.add(q.get("region").asText() + " " + q.get("quotaCode").asText() + " " + q.get("verdict").asText());
            }
        });
        // the approved 2,000,000 in us-east-1 carries 851,520; us-west-2 still applies the default
        assertThat(verdicts).containsExactly(StubWorld.APPROVED_IN + " " + StubWorld.QUOTA_CODE + " fits",
                StubWorld.FAILING_IN + " " + StubWorld.QUOTA_CODE + " raise");
        assertThat(json.get("evidenceGaps")).isEmpty();
    }

    @Test
    void perServiceEndpointOverridesWork() throws Exception {
        String stub = aws.endpoint().toString();
        Map<String, String> endpoints = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9", // nothing listens there
                "AWS_ENDPOINT_URL_SERVICE_QUOTAS", stub, "AWS_ENDPOINT_URL_CLOUDWATCH", stub,
                "AWS_ENDPOINT_URL_CLOUDTRAIL", stub, "AWS_ENDPOINT_URL_STS", stub);

        Run live = run(endpoints, concat(List.of("diagnose", "--format", "json", "--region", "us-west-2", "--model",
                StubWorld.MODEL), SCAN));

        assertThat(live.exitCode()).isZero();
        assertThat(verdict(live)).isEqualTo("REGION_MISMATCH");
        assertThat(JsonTree.parse(live.out()).get("evidenceGaps")).isEmpty();
    }

    @Test
    void anOrganisationIsCapturedPerAccountAndItsReplayFindsTheAccountFailingUnderAnothersIncrease() throws Exception {
        Instant now = Instant.now();
        StubAccount hub = StubAccount.home(StubWorld.HOME);
        StubCatalogue.fill(hub.region("us-west-2"));
        try (StubAws org = new StubAws(hub, StubWorld.raisedMember("444455556666", "us-west-2", now),
                StubWorld.failingMember("777788889999", "us-west-2", now))) {
            Map<String, String> endpoint = Map.of("AWS_ENDPOINT_URL", org.endpoint().toString());
            Path captures = dir.resolve("organisation");
            List<String> where = List.of("--scan-region", "us-west-2", "--member-role-name", "quota-doctor-read");

            Run capture = run(endpoint, concat(List.of("capture", "--organization", "--out", captures.toString()), where));
            Run live = run(endpoint, concat(List.of("diagnose", "--organization", "--format", "json"), where));
            Run replay = run(Map.of(), "diagnose", "--organization", "--snapshot", captures.toString(), "--format", "json",
                    "--fail-on", "critical");

            assertThat(capture.exitCode()).as(capture.err()).isZero();
            assertThat(capture.out()).startsWith("wrote 3 account snapshots to ");
            assertThat(Files.list(captures).map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("111122223333.json", "444455556666.json", "777788889999.json");
            for (Run run : List.of(live, replay)) {
                JsonNode report = JsonTree.parse(run.out());
                assertThat(report.at("/counts/accounts").asInt()).isEqualTo(3);
                assertThat(report.at("/crossAccountMismatches/0/failingAccount").asText()).isEqualTo("777788889999");
                assertThat(report.at("/crossAccountMismatches/0/raisedIn").asText()).isEqualTo("444455556666");
            }
            assertThat(live.exitCode()).as(live.err()).isZero();
            assertThat(replay.exitCode()).isEqualTo(3);
            assertThat(org.calls("ListAccounts")).isEqualTo(2);
        }
    }

    @Test
    void anAccountThatMayNotListTheOrganisationGetsOneLineAndExitTwo() throws Exception {
        try (StubAws member = new StubAws(StubWorld.home(List.of("us-east-1"), Instant.now())).fault(StubFault.error(
                "ListAccounts", 400, "AccessDeniedException", "You don't have permissions to access this resource."))) {
            Run run = run(Map.of("AWS_ENDPOINT_URL", member.endpoint().toString()), "diagnose", "--organization",
                    "--scan-region", "us-east-1");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines()).singleElement().asString()
                    .startsWith("quota-doctor: AWS Organizations would not list the accounts (AccessDeniedException: ")
                    .contains("management account or a delegated administrator");
            assertThat(member.calls("AssumeRole")).isZero();
        }
    }

    @Test
    void aDeadNetworkIsOneLineAndExitTwoNotADiagnosis() throws Exception {
        Run run = run(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9"), // nothing listens there
                concat(List.of("diagnose", "--region", "us-west-2", "--fail-on", "warning"), SCAN));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("quota-doctor: nothing could be read (")
                .contains("ConnectionFailed");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutCredentialsNothingIsCalledAndTheReasonIsOneLine() throws Exception {
        int before = aws.calls("ListServiceQuotas");

        Run run = run(Map.of("AWS_ENDPOINT_URL", aws.endpoint().toString(), "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", ""), "diagnose", "--region", "us-west-2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("quota-doctor: no AWS credentials found");
        assertThat(aws.calls("ListServiceQuotas")).isEqualTo(before);
    }

    @Test
    void expiredCredentialsExitTwoWithOneLineAfterOneCall() throws Exception {
        try (StubAws expired = new StubAws(StubWorld.home(List.of("us-east-1"), Instant.now())).fault(StubFault.error(
                "GetCallerIdentity", 403, "ExpiredToken", "The security token included in the request is expired"))) {
            Run run = run(Map.of("AWS_ENDPOINT_URL", expired.endpoint().toString()),
                    concat(List.of("diagnose", "--region", "us-west-2"), SCAN));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines()).singleElement().asString()
                    .startsWith("quota-doctor: the AWS credentials have expired (ExpiredToken)");
            assertThat(run.out()).isEmpty();
            assertThat(expired.callsPerOperation()).containsOnlyKeys("GetCallerIdentity");
        }
    }

    @Test
    void aCaptureThatReadNothingLeavesTheFileAsItWas() throws Exception {
        Path snapshot = dir.resolve("kept.json");
        Files.writeString(snapshot, "{\"the\": \"previous capture\"}");
        try (StubAws denied = new StubAws(StubWorld.home(List.of("us-east-1"), Instant.now()))) {
            for (String operation : List.of("ListServiceQuotas", "ListAWSDefaultServiceQuotas",
                    "ListRequestedServiceQuotaChangeHistory", "LookupEvents", "GetMetricData")) {
                denied.fault(StubFault.error(operation, 400, "AccessDeniedException", "not authorized"));
            }
            Run run = run(Map.of("AWS_ENDPOINT_URL", denied.endpoint().toString()),
                    "capture", "--out", snapshot.toString(), "--scan-region", "us-east-1");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines()).singleElement().asString().startsWith("quota-doctor: nothing could be read")
                    .endsWith(snapshot + " left as it was");
            assertThat(Files.readString(snapshot)).isEqualTo("{\"the\": \"previous capture\"}");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").noneMatch(n -> n.startsWith(".quota-doctor-"));
            }
        }
    }

    @Test
    void aNamedProfileAndAnOutputFileWorkAsInTheAwsCli() throws Exception {
        Path aws = Files.createDirectories(dir.resolve(".aws"));
        Files.writeString(aws.resolve("credentials"), "[stub]\naws_access_key_id = " + StubAws.HOME_KEY
                + "\naws_secret_access_key = stub-secret\n");
        Files.writeString(aws.resolve("config"), "[profile stub]\nregion = us-east-1\n");
        Path report = dir.resolve("diagnosis.json");

        Run run = run(Map.of("AWS_ENDPOINT_URL", LiveCommandsIT.aws.endpoint().toString(), "AWS_ACCESS_KEY_ID", "",
                        "AWS_SECRET_ACCESS_KEY", "", "AWS_EC2_METADATA_DISABLED", "true"),
                concat(List.of("diagnose", "--profile", "stub", "--format", "json", "--out", report.toString(),
                        "--region", "us-west-2", "--model", StubWorld.MODEL), SCAN));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(JsonTree.parse(Files.readString(report)).get("verdict").asText()).isEqualTo("REGION_MISMATCH");
    }

    @Test
    void theDefaultCatalogueIsKeptInTheUsersCacheUnlessToldNot() throws Exception {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", aws.endpoint().toString(),
                "XDG_CACHE_HOME", dir.resolve("cache").toString());
        String[] args = concat(List.of("diagnose", "--format", "json", "--region", "us-west-2", "--model", StubWorld.MODEL), SCAN);

        Run first = run(env, args);
        int afterFirst = aws.calls("ListAWSDefaultServiceQuotas");
        Run second = run(env, args);
        int afterSecond = aws.calls("ListAWSDefaultServiceQuotas");
        Run bypassed = run(env, concat(List.of(args), List.of("--no-cache")));

        assertThat(first.exitCode()).isZero();
        assertThat(Files.isDirectory(dir.resolve("cache").resolve("quota-doctor"))).isTrue();
        assertThat(afterSecond).as("the second run reads the kept catalogue").isEqualTo(afterFirst);
        assertThat(verdict(second)).isEqualTo(verdict(first));
        assertThat(aws.calls("ListAWSDefaultServiceQuotas")).as("--no-cache reads AWS").isGreaterThan(afterSecond);
        assertThat(verdict(bypassed)).isEqualTo(verdict(first));
    }

    @Test
    void anUnwritableOutputFailsBeforeAnyCall() throws Exception {
        int before = aws.calls("GetCallerIdentity");

        Run run = run(Map.of("AWS_ENDPOINT_URL", aws.endpoint().toString()),
                "capture", "--out", dir.resolve("no-such-dir").resolve("x.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot be written");
        assertThat(aws.calls("GetCallerIdentity")).isEqualTo(before);
    }

    @SafeVarargs
    private static String[] concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toArray(String[]::new);
    }
}
