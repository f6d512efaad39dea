package com.quotadoctor.fix;

import com.quotadoctor.capacity.CapacityPlan;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.notification.CapacityReport;
import com.quotadoctor.diagnosis.PlanStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An increase the plan asks for, before anyone said yes: the quota, where, the value and why. A diagnosis's step
 * names its quota by code; the name comes with the live read before filing.
 *
 * @param justification what AWS Support reads: Service Quotas' API takes no justification, so it is printed to paste
 *                      into the support case AWS may open, and kept with the filing
 */
public record FilingCandidate(String quotaCode, String quotaName, String region, Optional<String> account, double value,
                              String justification) {

    /** A whole number, once: what is shown is what is filed. */
    public FilingCandidate {
        value = Double.isFinite(value) ? Math.ceil(value) : value;
    }

    /** The request-increase steps of a diagnosis's plan, each with the diagnosis's justification. */
    public static List<FilingCandidate> of(Diagnosis d) {
        List<FilingCandidate> out = new ArrayList<>();
        for (PlanStep step : d.plan()) {
            if (step.kind() == PlanStep.Kind.REQUEST_INCREASE && step.quotaCode().isPresent() && step.region().isPresent()
                    && step.value().isPresent()) {
                out.add(new FilingCandidate(step.quotaCode().get(), step.quotaCode().get(), step.region().get(), step.account(),
                        step.value().get(), d.justification().orElse(step.why())));
            }
        }
        return out;
    }

    /** The filings of a capacity plan, each with its own justification. */
    public static List<FilingCandidate> of(CapacityPlan plan) {
        // bedrock-mantle's go through the limit-increase form: nothing Service Quotas would take
        return plan.filings().stream().filter(f -> !f.throughSupport()).map(f -> new FilingCandidate(f.quotaCode(), f.quotaName(), f.region(), f.account(),
                f.value(), CapacityReport.justification(f))).toList();
    }
}
