package com.quotadoctor.evidence;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.Evidence;

/** An evidence set read from a file, with the diagnosis request it was captured for (empty when it names none). */
public record Snapshot(Evidence evidence, DiagnosisRequest request) {
}
