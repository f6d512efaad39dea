package com.quotadoctor.workflow;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.notification.NotificationRenderer;
import com.quotadoctor.organization.AccountReport;
import com.quotadoctor.trigger.Trigger;
import com.quotadoctor.trigger.TriggerKind;
import com.quotadoctor.trigger.TriggerParser;

/**
 * The Diagnose task: event in, outcome out. Reads the trigger, completes its request from the configured
 * workload, gets the evidence, diagnoses, renders the notification. It publishes nothing: the Notify
 * step decides whether the situation is new.
 */
public final class DiagnoseStep {

    private final TriggerParser parser = new TriggerParser();
    private final EvidenceSource evidence;
    private final Diagnostician diagnostician;
    private final Configuration configuration;
    private final NotificationRenderer renderer = new NotificationRenderer();
    private final Telemetry telemetry;
    private final MemberEvidence members;
    private final RunLedger runs;
    private final java.time.Clock clock;
    private final com.quotadoctor.notification.ReportStore reports;

    /**
     * How long a claim on a situation lasts past its run's last step: longer than a Diagnose task with its retries
     * (120 s × 4), and a storm of alarms within it starts nothing more.
     */
    static final java.time.Duration CLAIM = java.time.Duration.ofMinutes(15);

    public DiagnoseStep(EvidenceSource evidence, Diagnostician diagnostician, Configuration configuration,
                        Telemetry telemetry) {
        this(evidence, MemberEvidence.NONE, diagnostician, configuration, telemetry);
    }

    public DiagnoseStep(EvidenceSource evidence, MemberEvidence members, Diagnostician diagnostician,
                        Configuration configuration, Telemetry telemetry) {
        this(evidence, members, RunLedger.NONE, java.time.Clock.systemUTC(), diagnostician, configuration, telemetry);
    }

    public DiagnoseStep(EvidenceSource evidence, MemberEvidence members, RunLedger runs, java.time.Clock clock,
                        Diagnostician diagnostician, Configuration configuration, Telemetry telemetry) {
        this(evidence, members, runs, clock, diagnostician, configuration, telemetry,
                com.quotadoctor.notification.ReportStore.NONE);
    }

    /** @param reports where each diagnosis's HTML report is kept; its link goes into the notification */
    public DiagnoseStep(EvidenceSource evidence, MemberEvidence members, RunLedger runs, java.time.Clock clock,
                        Diagnostician diagnostician, Configuration configuration, Telemetry telemetry,
                        com.quotadoctor.notification.ReportStore reports) {
        this.reports = reports;
        this.runs = runs;
        this.clock = clock;
        this.members = members;
        this.evidence = evidence;
        this.diagnostician = diagnostician;
        this.configuration = configuration;
        this.telemetry = telemetry;
    }

    public StepOutcome run(String event) {
        Trigger trigger;
        try {
            trigger = parser.parse(event);
        } catch (ShapeException e) {
            telemetry.rejected();
            return new StepOutcome.Rejected(e.getMessage());
        }
        if (trigger instanceof Trigger.Skip skip) {
            telemetry.skipped(skip.kind());
            return new StepOutcome.Skipped(skip.kind(), skip.reason());
        }
        if (trigger instanceof Trigger.Member member) {
            return member(member);
        }
        DiagnosisRequest request = trigger instanceof Trigger.Diagnose d ? d.request().over(configuration.workload())
                : configuration.workload();
        String supportCase = trigger instanceof Trigger.Diagnose d ? d.supportCase().orElse(null) : null;
        java.util.Optional<String> situation = trigger instanceof Trigger.Diagnose d && d.situation().isPresent()
                ? d.situation() : situation(trigger.kind(), request, supportCase);
        if (situation.isPresent() && !trigger.kind().equals(TriggerKind.PREVIOUS_DIAGNOSIS.label())) {
            java.time.Instant now = clock.instant();
            if (!runs.start(situation.get(), owner(event), now, now.plus(CLAIM))) {
                telemetry.skipped(trigger.kind());
                return new StepOutcome.Skipped(trigger.kind(), "a diagnosis of this situation (" + describe(request)
                        + ") is already running or ended less than " + CLAIM.toMinutes() + " minutes ago");
            }
        }
        StepOutcome outcome = diagnose(trigger.kind(), request, supportCase);
        if (situation.isPresent() && outcome instanceof StepOutcome.Diagnosed d) {
            // a run that waits keeps the situation till just after its next look; one that ends lets it lapse soon
            java.time.Instant until = clock.instant().plusSeconds(d.diagnosis().nextCheckSeconds().orElse(0L)).plus(CLAIM);
            runs.hold(situation.get(), until);
            return d.running(situation.get());
        }
        return outcome;
    }

    /**
     * What a run is about, as a claim's key: the account, regions, models, request, quota and support case it
     * diagnoses (not its trigger: an alarm and a status change about the same calls are one situation). A person's
     * on-demand run claims nothing: it always runs. The loop's later looks carry their first look's claim.
     */
    private static java.util.Optional<String> situation(String kind, DiagnosisRequest request, String supportCase) {
        if (kind.equals(TriggerKind.ON_DEMAND.label()) || kind.equals(TriggerKind.PREVIOUS_DIAGNOSIS.label())) {
            return java.util.Optional.empty(); // a loop without its claim (an older output) claims nothing new
        }
        return java.util.Optional.of(com.quotadoctor.domain.Fingerprint.of(String.join("|", request.account().orElse(""),
                String.join(",", request.regions().stream().sorted().toList()),
                String.join(",", request.models().stream().map(Object::toString).sorted().toList()),
                request.requestId().orElse(""), request.quotaCode().orElse(""), supportCase == null ? "" : supportCase)));
    }

    /** The same event retried (by Lambda or the workflow) finds its own claim. */
    private static String owner(String event) {
        return com.quotadoctor.domain.Fingerprint.of(event);
    }

    private static String describe(DiagnosisRequest request) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        request.account().ifPresent(a -> parts.add("account " + a));
        if (!request.regions().isEmpty()) {
            parts.add(String.join(", ", request.regions()));
        }
        request.models().forEach(m -> parts.add(m.toString()));
        request.requestId().ifPresent(r -> parts.add("request " + r));
        request.quotaCode().ifPresent(parts::add);
        return parts.isEmpty() ? "the configured workload" : String.join(", ", parts);
    }


    /** One account of an organisation sweep, read through its member role only: its diagnosis and its summary. */
    private StepOutcome member(Trigger.Member member) {
        if (configuration.memberRoleName().isEmpty()) {
            telemetry.rejected();
            return new StepOutcome.Rejected("an organisation sweep item, but this deployment has no member role ("
                    + Configuration.PREFIX + "MEMBER_ROLE_NAME): deploy with -c organization=true");
        }
        DiagnosisRequest request = DiagnosisRequest.forAccount(member.account())
                .over(member.request().over(configuration.workload()));
        Snapshot snapshot = members.evidenceOf(member.account(), configuration.memberRoleName().get(), request);
        Diagnostician.Judgement judged = judge(request, snapshot);
        return new StepOutcome.MemberDiagnosed(diagnosed(member.kind(), judged.diagnosis()),
                AccountReport.of(member.account(), judged));
    }

    private StepOutcome diagnose(String kind, DiagnosisRequest request, String supportCase) {
        Snapshot snapshot = evidence.evidenceFor(request);
        if (supportCase != null && snapshot.evidence().requests().noneMatch(r -> r.isNamedBy(supportCase))) {
            telemetry.skipped(kind);
            return new StepOutcome.Skipped(kind, "support case " + supportCase
                    + " belongs to no Bedrock quota increase request in the evidence");
        }
        Diagnostician.Judgement judged = judge(request, snapshot);
        Diagnosis d = judged.diagnosis();
        com.quotadoctor.notification.Notification notification = renderer.render(d);
        if (reports != com.quotadoctor.notification.ReportStore.NONE) {
            // one object per look: the day, then the situation's fingerprint and the attempt
            String name = d.judgedAt().toString().substring(0, 10) + "/" + d.fingerprint() + "-" + d.attempt();
            notification = reports.keep(name, new com.quotadoctor.notification.HtmlReport().render(judged))
                    .map(notification::withReport).orElse(notification);
        }
        return new StepOutcome.Diagnosed(kind, d, notification);
    }

    /** The request completed by what the snapshot was read for, judged; counted once. */
    private Diagnostician.Judgement judge(DiagnosisRequest request, Snapshot snapshot) {
        Diagnostician.Judgement judged = diagnostician.judge(request.over(snapshot.request()), snapshot.evidence());
        telemetry.diagnosed(judged.diagnosis().verdict().name(), judged.diagnosis().evidenceGaps().size());
        governingQuotas(judged.diagnosis());
        return judged;
    }

    private StepOutcome.Diagnosed diagnosed(String kind, Diagnosis diagnosis) {
        return new StepOutcome.Diagnosed(kind, diagnosis, renderer.render(diagnosis));
    }

    /**
     * The value of each quota that governs failing calls, per model and region, as a metric: the dashboard draws it
     * beside the demand it governs, so a person sees the line the demand hits. Unknown values are not drawn.
     */
    private void governingQuotas(Diagnosis diagnosis) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (com.quotadoctor.diagnosis.Finding f : diagnosis.findings()) {
            var e = f.evidence();
            Object code = e.get("governingQuotaCode");
            Object model = e.get("modelId");
            Object region = e.get("failingRegion");
            Object value = e.get("governingAppliedValue") != null ? e.get("governingAppliedValue") : e.get("governingDefaultValue");
            if (code != null && model != null && region != null && value instanceof Number n
                    && seen.add(model + " " + region + " " + code)) {
                telemetry.governingQuota(model.toString(), region.toString(), code.toString(), n.doubleValue());
            }
        }
    }
}
