package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Quota;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assembles a {@link Finding} step by step so each rule reads as its story. The steps a rule adds are
 * proposals: the {@link Planner} merges every finding's proposals into one plan.
 */
final class FindingDraft {

    private final FindingCode code;
    private final Severity severity;
    private String title = "";
    private String explanation = "";
    private Proof proof = new Proof();
    private final List<PlanStep> steps = new ArrayList<>();
    private Optional<String> region = Optional.empty();
    private Optional<String> account = Optional.empty();
    private Optional<String> quotaCode = Optional.empty();
    private Optional<String> modelId = Optional.empty();

    private FindingDraft(FindingCode code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    static FindingDraft of(FindingCode code, Severity severity) {
        return new FindingDraft(code, severity);
    }

    FindingDraft title(String text) {
        this.title = text;
        return this;
    }

    FindingDraft explain(String text) {
        this.explanation = text;
        return this;
    }

    FindingDraft proof(Proof value) {
        this.proof = value;
        return this;
    }

    FindingDraft step(PlanStep.Kind kind, String action) {
        return step(PlanStep.of(kind, action));
    }

    FindingDraft step(PlanStep.Kind kind, String action, String command) {
        return step(PlanStep.of(kind, action).command(command));
    }

    FindingDraft step(PlanStep step) {
        steps.add(step.serving(java.util.Set.of(code)));
        return this;
    }

    /**
     * Proposes raising {@code q} to {@code value} for calls of {@code callingAccount}; the plan settles the one
     * value per quota, region and account, and drops the step while a request for it is open.
     */
    FindingDraft requestIncrease(String action, Quota q, Optional<String> callingAccount, double value, String why) {
        return step(PlanStep.of(PlanStep.Kind.REQUEST_INCREASE, action)
                .command(Commands.requestIncrease(q.code(), value, q.region()))
                .on(q.code(), q.region(), callingAccount.or(q::account))
                .value(value)
                .link(Commands.quotaConsole(q.code(), q.region()))
                .because(why));
    }

    boolean hasSteps() {
        return !steps.isEmpty();
    }

    FindingDraft about(Optional<String> region, Optional<String> account, Optional<String> quotaCode,
                       Optional<String> modelId) {
        this.region = region;
        this.account = account;
        this.quotaCode = quotaCode;
        this.modelId = modelId;
        return this;
    }

    Finding build() {
        return new Finding(code, severity, title, explanation, proof.build(), steps, region, account, quotaCode, modelId);
    }
}
