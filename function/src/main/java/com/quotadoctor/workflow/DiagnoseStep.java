package com.quotadoctor.workflow;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.notification.NotificationRenderer;
import com.quotadoctor.organization.AccountReport;
import com.quotadoctor.trigger.Trigger;
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

    public DiagnoseStep(EvidenceSource evidence, Diagnostician diagnostician, Configuration configuration,
                        Telemetry telemetry) {
        this(evidence, MemberEvidence.NONE, diagnostician, configuration, telemetry);
    }

    public DiagnoseStep(EvidenceSource evidence, MemberEvidence members, Diagnostician diagnostician,
                        Configuration configuration, Telemetry telemetry) {
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
        if (trigger instanceof Trigger.Diagnose diagnose) {
            return diagnose(diagnose.kind(), diagnose.request().over(configuration.workload()),
                    diagnose.supportCase().orElse(null));
        }
        return diagnose(trigger.kind(), configuration.workload(), null);
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
        return diagnosed(kind, judge(request, snapshot).diagnosis());
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
