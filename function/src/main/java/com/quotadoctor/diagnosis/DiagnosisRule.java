package com.quotadoctor.diagnosis;

import java.util.List;

/** One named judgement: looks at the situation and returns its findings, none when it does not apply. */
public interface DiagnosisRule {

    /** The code of every finding this rule returns. */
    FindingCode code();

    List<Finding> evaluate(Situation situation);
}
