package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMetric;

import java.util.Optional;

/** The raised metric (requests/min, tokens/min, tokens/day) is not the one that binds. */
final class MetricMismatchRule extends MismatchRule {

    @Override
    Mismatch dimension() {
        return Mismatch.METRIC;
    }

    @Override
    FindingDraft describe(FindingDraft draft, Assessment a, Workload w, Optional<Quota> target) {
        QuotaMetric raised = a.request().kind().metric();
        String binding = w.boundMetric().map(QuotaMetric::label).orElse("another metric");
        String rpmNote = raised == QuotaMetric.REQUESTS_PER_MINUTE
                ? " " + Facts.REQUESTS_PER_MINUTE + "; where both apply, the tokens-per-minute quota is usually the one "
                + "the errors name." : "";
        return draft.title("Increase raised " + raised.label() + ", calls are limited by " + binding)
                .explain(Facts.describe(a.request()) + " raised " + raised.label() + ", but the throttling errors ("
                        + w.calls().stream().findFirst().flatMap(c -> c.errorMessage()).orElse("error message of the trigger")
                        + ") point at " + binding + ". Raising one metric does not raise the others." + rpmNote);
    }
}
