package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.aws.AwsClients;
import com.quotadoctor.evidence.aws.CollectionSettings;
import com.quotadoctor.evidence.aws.LiveCollector;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.WireNode;
import com.quotadoctor.organization.AccountReport;
import com.quotadoctor.organization.AccountReportJson;
import com.quotadoctor.organization.OrganizationReport;
import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubCatalogue;
import com.quotadoctor.stub.StubWorld;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An organisation sweep's item processor at scale against the stub: N member accounts x 17 regions, each account
 * diagnosed alone through its member role, {@code concurrency} at once (the Distributed Map's MaxConcurrency), the stub
 * enforcing AWS's published rates per account and region. Reports calls per account beside the single-account figure,
 * throttled calls, wall time, and what the reduction found. Run with {@code bench/organization.sh}; a benchmark, not a
 * test.
 */
public final class OrganizationBench {

    private static final String REGION = StubWorld.FAILING_IN;

    private OrganizationBench() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<StubAccount> members = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            members.add(member(String.format("%012d", 300_000_000_000L + i), i));
        }
        StubAccount hub = StubAccount.home(StubWorld.HOME);
        StubCatalogue.fill(hub.region(REGION));
        List<String> regions = CollectionSettings.BEDROCK_REGIONS;
        CollectionSettings settings = CollectionSettings.defaults("us-east-1").withScanRegions(regions)
                .withTimeouts(3, Duration.ofSeconds(10), Duration.ofSeconds(30));
        try (StubAws aws = new StubAws(hub, members.toArray(StubAccount[]::new)).enforcingPublishedRates();
             AwsClients clients = new AwsClients(settings, Optional.of(aws.endpoint()))) {
            LiveCollector collector = new LiveCollector(clients, LiveRun.credentials(), settings, StubWorld.CLOCK);
            Configuration config = Configuration.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                    "QUOTA_DOCTOR_WORKLOAD_REGIONS", REGION, "QUOTA_DOCTOR_MEMBER_ROLE_NAME", "quota-doctor-read"));
            DiagnoseStep step = new DiagnoseStep(r -> collector.collectOrRecord(r).snapshot(),
                    (account, role, r) -> collector.collectMemberOrRecord(r, account, role).snapshot(),
                    Diagnostician.standard(), config, Telemetry.NONE);
            ExecutorService map = Executors.newFixedThreadPool(concurrency);
            long started = System.nanoTime();
            List<Future<ObjectNode>> items = new ArrayList<>();
            for (StubAccount m : members) {
                items.add(map.submit(() -> step.run("{\"memberAccount\":\"" + m.id() + "\"}").toJson()));
            }
            List<AccountReport> reports = new ArrayList<>();
            for (Future<ObjectNode> item : items) {
                reports.add(AccountReportJson.read(WireNode.root(item.get().get("accountReport"), "item")));
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            map.shutdown();
            OrganizationReport report = OrganizationReport.of(reports);
            List<Integer> perAccount = members.stream().map(m -> aws.callsPerAccount().getOrDefault(m.id(), 0)).sorted().toList();
            System.out.printf("## Organisation sweep: %d member accounts x %d regions, %d at once (stub enforcing AWS's "
                    + "published rates per account and region)%n%n", accounts, regions.size(), concurrency);
            System.out.println("| measure | result |");
            System.out.println("|---|---:|");
            System.out.printf("| calls per member account, min / median / max | %d / %d / %d |%n", perAccount.get(0),
                    perAccount.get(perAccount.size() / 2), perAccount.get(perAccount.size() - 1));
            System.out.printf("| hub calls (GetCallerIdentity, AssumeRole: one each per account) | %d |%n",
                    aws.callsPerAccount().getOrDefault(StubWorld.HOME, 0));
            System.out.printf("| throttled calls | %d |%n", aws.throttledCalls());
            System.out.printf("| wall time, all accounts | %.1f s |%n", ms / 1000.0);
            System.out.printf("| accounts unreadable | %d |%n", report.unreadable());
            System.out.printf("| accounts needing action (expected %d: the failing ones) | %d |%n", accounts / 10,
                    report.needingAction());
            System.out.printf("| cross-account mismatches found (expected %d) | %d |%n", accounts / 10, report.mismatches().size());
            System.out.printf("%ncalls per operation, every account: %s%n", aws.callsPerOperation());
        }
    }

    /** Every tenth account raised the quota, the next one's calls fail under it; the rest are quiet. */
    private static StubAccount member(String id, int i) {
        if (i % 10 == 0) {
            return StubWorld.raisedMember(id, REGION, StubWorld.NOW);
        }
        if (i % 10 == 1) {
            return StubWorld.failingMember(id, REGION, StubWorld.NOW);
        }
        StubAccount m = StubAccount.member(id);
        StubCatalogue.fill(m.region(REGION));
        return m;
    }
}
