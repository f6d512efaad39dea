package com.quotadoctor.diagnosis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One named misalignment with its proof and fix.
 *
 * @param evidence the values that prove it, in reading order (regions, accounts, codes, values, statuses, times)
 */
public record Finding(FindingCode code, Severity severity, String title, String explanation,
                      Map<String, Object> evidence, List<RemediationStep> remediation, Optional<String> region,
                      Optional<String> account, Optional<String> quotaCode, Optional<String> modelId) {

    public Finding {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        remediation = List.copyOf(remediation);
    }

    /** What makes two findings the same situation: the dedupe identity, free of values that drift. */
    public String identity() {
        return String.join("|", code.name(), region.orElse(""), account.orElse(""), quotaCode.orElse(""),
                modelId.orElse(""));
    }
}
