package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.aws.AwsClients;
import com.quotadoctor.evidence.aws.LiveCollector;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.organization.AccountFilter;
import com.quotadoctor.stub.MemoryBucket;
import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubCatalogue;
import com.quotadoctor.stub.StubWorld;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole organisation sweep, every task run for real against the stub's AWS wire formats: the list written for the
 * map, each member account diagnosed alone through its member role (the Distributed Map's item processor), the
 * results in the ResultWriter's shape, the reduction. Nobody names the failing account; the sweep finds it.
 */
class OrganizationSweepTest {

    private static final String HUB = StubWorld.HOME;
    private static final String RAISED = "444455556666";
    private static final String FAILING = "777788889999";
    private static final String REGION = StubWorld.FAILING_IN;
    private static final List<String> REGIONS = List.of(REGION);

    @AutoClose
    private StubAws aws;
    @AutoClose
    private AwsClients clients;

    private DiagnoseStep diagnose;

    @BeforeEach
    void start() {
        diagnose = diagnoseStep();
    }

    private DiagnoseStep diagnoseStep() {
        StubAccount hub = StubAccount.home(HUB);
        StubCatalogue.fill(hub.region(REGION));
        aws = new StubAws(hub, StubWorld.raisedMember(RAISED, REGION, StubWorld.NOW),
                StubWorld.failingMember(FAILING, REGION, StubWorld.NOW));
        var settings = StubWorld.settings(REGIONS);
        clients = new AwsClients(settings, Optional.of(aws.endpoint()));
        LiveCollector collector = new LiveCollector(clients, LiveRun.credentials(), settings, StubWorld.CLOCK);
        Configuration config = Configuration.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "QUOTA_DOCTOR_WORKLOAD_REGIONS", REGION, "QUOTA_DOCTOR_SCAN_REGIONS", REGION,
                "QUOTA_DOCTOR_MEMBER_ROLE_NAME", "quota-doctor-read"));
        return new DiagnoseStep(r -> collector.collectOrRecord(r).snapshot(),
                (account, role, r) -> collector.collectMemberOrRecord(r, account, role).snapshot(),
                Diagnostician.standard(), config, Telemetry.NONE);
    }

    @Test
    void theAccountWhoseCallsFailUnderAnotherAccountsIncreaseIsFoundWithoutBeingNamed() throws Exception {
        MemoryBucket bucket = new MemoryBucket();
        OrganizationStep organization = new OrganizationStep(filter -> List.of(HUB, RAISED, FAILING, "999900001111"),
                bucket, AccountFilter.ALL);

        ObjectNode listed = organization.run("{\"action\":\"accounts\",\"sweep\":\"sweep-1\"}");
        assertThat(listed.get("count").asInt()).isEqualTo(4);
        // the Distributed Map: one child execution per item, its input the item selector's, its output the item's
        ArrayNode succeeded = JsonTree.NODES.arrayNode();
        for (JsonNode item : JsonTree.parse(bucket.read(listed.get("key").asText()))) {
            String input = "{\"memberAccount\":\"" + item.get("memberAccount").asText() + "\",\"request\":{}}";
            ObjectNode outcome = diagnose.run(input).toJson();
            ObjectNode child = succeeded.addObject();
            child.put("Input", input);
            child.put("Output", JsonTree.compact(JsonTree.NODES.objectNode().set("accountReport", outcome.get("accountReport"))));
            child.put("Status", "SUCCEEDED");
        }
        bucket.write("results/run/SUCCEEDED_0.json", JsonTree.compact(succeeded));
        bucket.write("results/run/manifest.json", "{\"ResultFiles\":{\"FAILED\":[],\"PENDING\":[],\"SUCCEEDED\":"
                + "[{\"Key\":\"results/run/SUCCEEDED_0.json\",\"Size\":1}]}}");

        ObjectNode digest = organization.run("{\"action\":\"reduce\",\"sweep\":\"sweep-1\",\"results\":{\"MapRunArn\":\"x\","
                + "\"ResultWriterDetails\":{\"Bucket\":\"b\",\"Key\":\"results/run/manifest.json\"}}}");

        JsonNode report = digest.get("organization");
        assertThat(report.at("/crossAccountMismatches/0/failingAccount").asText()).isEqualTo(FAILING);
        assertThat(report.at("/crossAccountMismatches/0/raisedIn").asText()).isEqualTo(RAISED);
        assertThat(report.at("/crossAccountMismatches/0/quotaCode").asText()).isEqualTo(StubWorld.QUOTA_CODE);
        assertThat(report.at("/counts/accounts").asInt()).isEqualTo(4);
        // the hub, quiet here, needs nothing: only the failing account and the one whose role is refused are listed
        assertThat(report.at("/counts/needingAction").asInt()).isEqualTo(2);
        List<String> needing = new ArrayList<>();
        report.get("accounts").forEach(a -> needing.add(a.get("account").asText()));
        assertThat(needing).containsExactlyInAnyOrder(FAILING, "999900001111");
        // the member the hub cannot assume a role in is a gap of its own report, not a failed sweep
        List<String> unreadableOrGaps = new ArrayList<>();
        report.get("accounts").forEach(a -> {
            if (a.get("account").asText().equals("999900001111")) {
                unreadableOrGaps.add(a.toString());
            }
        });
        assertThat(unreadableOrGaps).singleElement().satisfies(a -> assertThat(a).contains("AssumeRole"));
        assertThat(digest.get("fingerprint").asText()).startsWith("org-");
        assertThat(digest.at("/notification/text").asText()).contains("account " + FAILING);
        assertThat(bucket.objects()).containsKey("sweeps/sweep-1/report.json");
        // each account was read as itself only: the failing account's calls through its own role, nobody else's
        assertThat(aws.calls(FAILING, REGION, "LookupEvents")).isPositive();
        assertThat(aws.calls(RAISED, REGION, "ListRequestedServiceQuotaChangeHistory")).isPositive();
        assertThat(aws.calls(HUB, REGION, "LookupEvents")).isEqualTo(1);
    }

    @Test
    void theAlarmThatStartedTheSweepNarrowsEachAccountsLookToItsRegionAndModel() throws Exception {
        String alarm = java.nio.file.Files.readString(java.nio.file.Path.of("..", "events", "cloudwatch-alarm-throttles.json"));

        ObjectNode outcome = diagnose.run("{\"memberAccount\":\"" + FAILING + "\",\"trigger\":" + alarm + "}").toJson();

        assertThat(outcome.at("/request/account").asText()).isEqualTo(FAILING);
        assertThat(outcome.at("/request/regions/0").asText()).isEqualTo(REGION);
        assertThat(outcome.at("/accountReport/account").asText()).isEqualTo(FAILING);
    }

    @Test
    void aSweepItemWithoutAMemberRoleConfiguredIsRefusedAsTheEventItIs() {
        DiagnoseStep step = new DiagnoseStep(r -> { throw new AssertionError("nothing read"); }, Diagnostician.standard(),
                Configuration.local(), Telemetry.NONE);

        assertThat(step.run("{\"memberAccount\":\"777788889999\"}")).isInstanceOf(StepOutcome.Rejected.class)
                .satisfies(o -> assertThat(((StepOutcome.Rejected) o).reason()).contains("MEMBER_ROLE_NAME"));
        assertThat(step.run("{\"memberAccount\":\"7777\"}")).isInstanceOf(StepOutcome.Rejected.class)
                .satisfies(o -> assertThat(((StepOutcome.Rejected) o).reason()).contains("12-digit"));
    }
}
