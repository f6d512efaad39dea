package com.quotadoctor.workflow;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Snapshot;

/** Where a diagnosis gets its evidence: AWS, live, or a snapshot file. */
@FunctionalInterface
public interface EvidenceSource {

    Snapshot evidenceFor(DiagnosisRequest request);
}
