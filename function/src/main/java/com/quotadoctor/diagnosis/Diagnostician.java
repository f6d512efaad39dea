package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.Evidence;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The diagnosis: a pure function of (request, evidence). Applies every rule, ranks the findings,
 * and names the top one the verdict. Time is the evidence's capture time, never the wall clock.
 */
public final class Diagnostician {

    private final List<DiagnosisRule> rules;
    private final Settings settings;

    public Diagnostician(List<DiagnosisRule> rules, Settings settings) {
        this.rules = List.copyOf(rules);
        this.settings = settings;
    }

    public static Diagnostician standard() {
        return new Diagnostician(DiagnosisRules.all(), Settings.defaults());
    }

    public Diagnosis diagnose(DiagnosisRequest request, Evidence evidence) {
        return judge(request, evidence).diagnosis();
    }

    /** A diagnosis with the situation it judged: what else reads the same failing contexts reads these, not its own. */
    public record Judgement(Situation situation, Diagnosis diagnosis) {
    }

    public Judgement judge(DiagnosisRequest request, Evidence evidence) {
        Situation situation = Situation.of(request, evidence, settings);
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (DiagnosisRule rule : rules) {
            for (Finding finding : rule.evaluate(situation)) {
                unique.putIfAbsent(finding.identity(), finding);
            }
        }
        List<Finding> ranked = unique.values().stream().sorted(RANK).toList();
        if (ranked.isEmpty()) {
            ranked = List.of(nothingToJudge(situation));
        }
        Planner.Plan plan = new Planner(situation).plan(ranked);
        List<Finding> answered = ranked.stream()
                .map(f -> f.withRemediation(plan.byFinding().getOrDefault(f.identity(), List.of()))).toList();
        Finding top = answered.get(0);
        Waiting waiting = Waiting.of(situation, top);
        return new Judgement(situation, new Diagnosis(top.code(), answered, request, request.attempt(),
                waiting.nextCheckSeconds(), waiting.deadline(), fingerprint(request, answered), situation.gaps(),
                situation.now(), plan.steps(), Justification.of(situation, plan.steps())));
    }

    /**
     * Which finding leads: information (an ALIGNED context, a superseded request) always last; otherwise the
     * finding codes' order, which puts what no wait or re-request can fix first, then the request's state, then
     * demand; a critical finding before a warning of the same code.
     */
    static final Comparator<Finding> RANK = Comparator.comparing((Finding f) -> f.severity() == Severity.INFO)
            .thenComparing(Finding::code).thenComparing(Finding::severity);

    /** The evidence shows neither failing calls nor increase requests: say so rather than invent a verdict. */
    private static Finding nothingToJudge(Situation s) {
        return FindingDraft.of(FindingCode.INCOMPLETE_EVIDENCE, Severity.WARNING)
                .title("Nothing to judge: no failing calls, no increase request and no model in the evidence")
                .explain("The evidence holds no Bedrock call that failed with a quota error, no increase request "
                        + "for a Bedrock runtime quota, and the request names no model and region to check. Name the "
                        + "failing context (--model, --region) or capture while the errors happen.")
                .proof(new Proof().put("regionsRead", List.copyOf(s.evidence().regions().keySet())))
                .about(Optional.empty(), s.evidence().callerAccount(), Optional.empty(), Optional.empty())
                .step(PlanStep.of(PlanStep.Kind.COMPLETE_EVIDENCE,
                        "Name the failing context: diagnose again with --model <model-id> --region <region>.")
                        .because("nothing in the evidence says which calls fail"))
                .build();
    }

    /**
     * Stable across attempts: the findings' identities, not their changing values or times. A gap
     * that comes and goes (one throttled read) does not make a new situation unless it is the verdict.
     */
    static String fingerprint(DiagnosisRequest request, List<Finding> findings) {
        FindingCode verdict = findings.get(0).code();
        StringBuilder text = new StringBuilder(request.requestId().orElse("")).append('\n');
        findings.stream()
                .filter(f -> f.code() != FindingCode.INCOMPLETE_EVIDENCE || verdict == FindingCode.INCOMPLETE_EVIDENCE)
                .map(Finding::identity).sorted().forEach(id -> text.append(id).append('\n'));
        return com.quotadoctor.domain.Fingerprint.of(text.toString());
    }
}
