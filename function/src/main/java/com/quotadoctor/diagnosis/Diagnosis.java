package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.EvidenceGap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The verdict over one evidence set.
 *
 * @param verdict          the code of the top finding
 * @param findings         ranked, most important first; never empty
 * @param nextCheckSeconds present only while waiting is the fix
 * @param deadline         when waiting stops being reasonable; present with {@code nextCheckSeconds}
 * @param fingerprint      stable across attempts for the same situation: the dedupe key
 * @param judgedAt         the instant ages were judged against (the evidence's capture time)
 * @param plan             the ordered steps that fix the whole situation, one value per quota
 * @param justification    the usage figures to paste into an increase request or support case, when the plan asks AWS
 */
public record Diagnosis(FindingCode verdict, List<Finding> findings, DiagnosisRequest request, int attempt,
                        Optional<Long> nextCheckSeconds, Optional<Instant> deadline, String fingerprint,
                        List<EvidenceGap> evidenceGaps, Instant judgedAt, List<PlanStep> plan,
                        Optional<String> justification) {

    public Diagnosis {
        findings = List.copyOf(findings);
        evidenceGaps = List.copyOf(evidenceGaps);
        plan = List.copyOf(plan);
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a diagnosis has at least one finding");
        }
    }

    public Finding top() {
        return findings.get(0);
    }

    /** The finding codes in rank order. */
    public List<FindingCode> codes() {
        return findings.stream().map(Finding::code).toList();
    }
}
