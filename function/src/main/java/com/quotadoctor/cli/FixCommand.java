package com.quotadoctor.cli;

import com.quotadoctor.capacity.CapacityPlanner;
import com.quotadoctor.diagnosis.Commands;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.diagnosis.Format;
import com.quotadoctor.diagnosis.PlanStep;
import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.evidence.aws.AwsFailure;
import com.quotadoctor.fix.FilingCandidate;
import com.quotadoctor.fix.FilingGuard;
import com.quotadoctor.fix.FilingRails;
import com.quotadoctor.fix.QuotaDesk;
import com.quotadoctor.fix.QuotaState;
import com.quotadoctor.fix.aws.ServiceQuotasDesk;
import com.quotadoctor.json.TextFile;
import com.quotadoctor.json.TrafficJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code fix}: the plan's increases filed, each after a person says yes, never twice, never on stale evidence. */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {FixCommand.SUMMARY,
                "Exit 0 when something was filed or nothing was left to file; 2 when a filing was refused (a rail, AWS, "
                        + "bad input); 4 when you declined every filing; 1 otherwise."})
final class FixCommand implements Callable<Integer> {

    /** The first line of its help: what the top-level help lists. */
    static final String SUMMARY = "File the increases the plan asks for (a diagnosis, or a capacity plan with "
            + "--traffic), each after you say yes, re-reading the quota and its requests immediately before filing.";

    static final int DECLINED = 4;

    /** How a question reaches a person; empty when nobody can answer (not a terminal). */
    interface Prompt {
        boolean interactive();

        boolean ask(String question);
    }

    /** The terminal, when there is one (tests set their own). */
    static Supplier<Prompt> prompt = () -> new Prompt() {
        @Override
        public boolean interactive() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            // Java 22+ returns a console even when redirected; its isTerminal() (Java 22) tells the truth
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException olderJava) {
                return true; // Java 17-21: a console is only given to a terminal
            }
        }

        @Override
        public boolean ask(String question) {
            String answer = System.console().readLine("%s", question);
            return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).matches("y|yes");
        }
    };

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "Preview what would be filed from a snapshot's diagnosis; nothing is filed.")
    Path snapshot;

    @Option(names = "--traffic", paramLabel = "FILE",
            description = "File the increases of a capacity plan (plan --traffic) instead of a diagnosis.")
    Path traffic;

    @Option(names = "--yes", description = "File without asking (scripts): every rail and the re-read still apply.")
    boolean yes;

    @Option(names = "--dry-run", description = "Show what would be filed, re-reading nothing, filing nothing (the default "
            + "when no terminal can answer and --yes is not given).")
    boolean dryRun;

    @Option(names = "--ceiling", paramLabel = "TIMES", defaultValue = "10",
            description = "Never ask more than TIMES the AWS default (default: ${DEFAULT-VALUE}).")
    double ceiling;

    @Option(names = "--per-day", paramLabel = "N", defaultValue = "2",
            description = "File at most N requests per region in 24 hours, counting the account's own (default: "
                    + "${DEFAULT-VALUE}: Service Quotas keeps 2 active requests per region).")
    int perDay;

    @Mixin
    RequestOptions context;

    @Mixin
    CollectionOptions collection;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FilingRails rails;
        try {
            rails = new FilingRails(ceiling, perDay);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--ceiling/--per-day: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<FilingCandidate> candidates;
        java.util.Optional<String> filingAccount;
        boolean throughSupport = false;
        if (traffic != null) {
            var workloads = TrafficJson.read("traffic file " + traffic, TextFile.read(traffic,
                    PlanCommand.LARGEST_TRAFFIC_FILE, "traffic"));
            Snapshot evidence = snapshot != null ? new SnapshotReader().read(snapshot)
                    : PlanCommand.collectFor(workloads, collection);
            var plan = new CapacityPlanner().plan(workloads, evidence.evidence());
            candidates = FilingCandidate.of(plan);
            filingAccount = evidence.evidence().callerAccount();
            throughSupport = plan.filings().stream().anyMatch(com.quotadoctor.capacity.CapacityPlan.Filing::throughSupport);
            plan.filings().stream().filter(com.quotadoctor.capacity.CapacityPlan.Filing::throughSupport).forEach(f -> out.println(
                    "  not filed here: " + f.quotaCode() + " in " + f.region() + ", " + Format.text(f.value())
                            + " (bedrock-mantle: AWS takes it through the limit-increase form, "
                            + com.quotadoctor.diagnosis.Commands.limitIncreaseForm() + ")"));
        } else {
            Snapshot evidence = snapshot != null ? new SnapshotReader().read(snapshot) : live();
            Diagnosis d = collection.diagnostician().diagnose(context.over(evidence.request()), evidence.evidence());
            out.println("Verdict: " + d.verdict() + " — " + d.top().title());
            d.plan().stream().filter(s -> s.kind() == PlanStep.Kind.FOLLOW_REQUEST).forEach(s -> out.println(
                    "  follow: " + s.action() + s.command().map(c -> "\n       $ " + c).orElse("")));
            candidates = FilingCandidate.of(d);
            filingAccount = evidence.evidence().callerAccount();
        }
        if (candidates.isEmpty()) {
            out.println(throughSupport ? "Nothing to file through Service Quotas." : "Nothing to file: the plan asks for no increase.");
            out.flush();
            return 0;
        }
        out.println(candidates.size() + " increase" + (candidates.size() == 1 ? "" : "s") + " to file:");
        int n = 0;
        for (FilingCandidate c : candidates) {
            out.println("  " + (++n) + ". " + c.quotaCode() + " in " + c.region() + c.account().map(a -> " (account " + a + ")")
                    .orElse("") + ": " + Format.text(c.value()));
            out.println("     justification (paste into the support case if AWS opens one): " + c.justification());
        }
        boolean canAnswer = yes || prompt.get().interactive();
        if (snapshot != null || dryRun || !canAnswer) {
            out.println(snapshot != null ? "Preview only (--snapshot): nothing filed. Run without --snapshot to file."
                    : dryRun ? "Dry run: nothing filed." : "Nothing filed: no terminal to answer; --yes files without asking.");
            out.flush();
            return 0;
        }
        return file(candidates, rails, filingAccount, out);
    }

    private int file(List<FilingCandidate> candidates, FilingRails rails, java.util.Optional<String> filingAccount,
                     PrintWriter out) {
        int filed = 0;
        int declined = 0;
        int refused = 0;
        try (ServiceQuotasDesk desk = new ServiceQuotasDesk(Clock.systemUTC())) {
            for (FilingCandidate c : candidates) {
                String where = c.quotaCode() + " in " + c.region();
                java.util.Optional<FilingGuard.Decision> elsewhere = FilingGuard.otherAccount(c, filingAccount);
                if (elsewhere.isPresent()) {
                    out.println("  refused: " + elsewhere.get().reason());
                    refused++;
                    continue;
                }
                FilingGuard.Decision decision;
                QuotaState now;
                try {
                    now = desk.read(c.quotaCode(), c.region());
                    decision = FilingGuard.decide(c, now, rails);
                    if (decision instanceof FilingGuard.File && !yes) {
                        // the question shows what applies now; the answer is followed by one more read, so whatever
                        // changed while the person read (someone else's request) still stops the filing
                        out.flush();
                        if (!prompt.get().ask("File " + Format.text(c.value()) + " for " + where + c.account().map(
                                a -> " (account " + a + ")").orElse("") + ", which applies " + now.current().map(
                                Format::text).orElse("an unread value") + " now? [y/N] ")) {
                            out.println("  " + where + ": declined, nothing filed");
                            declined++;
                            continue;
                        }
                        now = desk.read(c.quotaCode(), c.region()); // immediately before filing
                        decision = FilingGuard.decide(c, now, rails);
                    }
                } catch (RuntimeException e) {
                    throw refusedByAws("reading " + where, e);
                }
                if (decision instanceof FilingGuard.Nothing nothing) {
                    out.println("  " + nothing.reason());
                    continue;
                }
                if (decision instanceof FilingGuard.Refused no) {
                    out.println("  refused: " + no.reason());
                    refused++;
                    continue;
                }
                QuotaDesk.Filed done;
                try {
                    done = desk.file(c.quotaCode(), c.region(), c.value());
                } catch (RuntimeException e) {
                    throw refusedByAws("filing " + where, e);
                }
                filed++;
                out.println("  filed: request " + done.requestId() + " (" + done.status() + ") for " + where + " \""
                        + now.name() + "\": " + Format.text(now.current().orElse(0.0)) + " → " + Format.text(c.value())
                        + done.caseId().map(id -> ", support case " + id).orElse(""));
                out.println("     console: " + Commands.quotaConsole(c.quotaCode(), c.region()));
                out.println("     follow:  $ aws service-quotas get-requested-service-quota-change --request-id "
                        + done.requestId() + " --region " + c.region());
                out.println("              $ quota-doctor diagnose --request-id " + done.requestId() + " --region "
                        + c.region());
            }
        }
        out.flush();
        if (refused > 0) {
            return BadInputException.STATUS;
        }
        return declined > 0 && filed == 0 ? DECLINED : 0;
    }

    private static BadInputException refusedByAws(String what, RuntimeException e) {
        return new BadInputException("AWS refused " + what + " (" + AwsFailure.code(e) + ": " + AwsFailure.message(e)
                + ")" + (AwsFailure.code(e).contains("AccessDenied") ? ": the caller needs servicequotas:"
                + "RequestServiceQuotaIncrease, GetServiceQuota, GetAWSDefaultServiceQuota and "
                + "ListRequestedServiceQuotaChangeHistory[ByQuota] on bedrock quotas" : ""), e);
    }

    private Snapshot live() {
        var capture = collection.collect(context.over(DiagnosisRequest.empty()));
        CollectionOptions.requireSomethingRead(capture, "");
        return capture.snapshot();
    }
}
