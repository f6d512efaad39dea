package com.quotadoctor.workflow;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Snapshot;

/** The evidence of one member account of an organisation, read through its member role and nothing else. */
@FunctionalInterface
public interface MemberEvidence {

    /** Where no organisation is configured. */
    MemberEvidence NONE = (account, role, request) -> {
        throw new IllegalStateException("no organisation is configured: member account " + account + " cannot be read");
    };

    Snapshot evidenceOf(String account, String roleName, DiagnosisRequest request);
}
