package com.quotadoctor.diagnosis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One named misalignment with its proof and fix.
 *
 * @param evidence    the values that prove it, in reading order (regions, accounts, codes, values, statuses, times)
 * @param remediation the steps of the diagnosis's plan that answer this finding (before planning: what the rule proposed)
 */
public record Finding(FindingCode code, Severity severity, String title, String explanation,
                      Map<String, Object> evidence, List<PlanStep> remediation, Optional<String> region,
                      Optional<String> account, Optional<String> quotaCode, Optional<String> modelId) {

    public Finding {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        remediation = List.copyOf(remediation);
    }

    /** This finding with the plan's steps that serve it as its remediation. */
    Finding withRemediation(List<PlanStep> steps) {
        return new Finding(code, severity, title, explanation, evidence, steps, region, account, quotaCode, modelId);
    }

    /** This finding demoted to information: another decision supersedes it. */
    Finding superseded(String by) {
        return new Finding(code, Severity.INFO, title + " (superseded by " + by + ")", explanation, evidence, remediation,
                region, account, quotaCode, modelId);
    }

    /** What makes two findings the same situation: the dedupe identity, free of values that drift. */
    public String identity() {
        return String.join("|", code.name(), region.orElse(""), account.orElse(""), quotaCode.orElse(""),
                modelId.orElse(""));
    }
}
