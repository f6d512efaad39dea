package com.quotadoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Assembles a {@link Finding} step by step so each rule reads as its story. */
final class FindingDraft {

    private final FindingCode code;
    private final Severity severity;
    private String title = "";
    private String explanation = "";
    private Proof proof = new Proof();
    private final List<RemediationStep> steps = new ArrayList<>();
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

    FindingDraft step(String action) {
        steps.add(RemediationStep.say(action));
        return this;
    }

    FindingDraft step(String action, String command) {
        steps.add(RemediationStep.run(action, command));
        return this;
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
