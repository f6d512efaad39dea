package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.Quota;

import java.util.Optional;

/** The increase was raised in another region than the one the failing calls go to. */
final class RegionMismatchRule extends MismatchRule {

    @Override
    Mismatch dimension() {
        return Mismatch.REGION;
    }

    @Override
    FindingDraft describe(FindingDraft draft, Assessment a, Workload w, Optional<Quota> target) {
        String approvedIn = a.request().region();
        String profileNote = w.model().family() == InferenceFamily.ON_DEMAND ? ""
                : " Cross-region and global profile quotas are counted and raised in the source region, the "
                + "region the call is sent to, not the regions the profile routes to.";
        draft.title("Increase in " + approvedIn + ", failing calls in " + w.region())
                .explain("Quotas are per region. " + Facts.describe(a.request()) + " is " + a.request().rawStatus()
                        + ", but " + (w.confirmed() ? "CloudTrail records the throttled "
                        : w.demand().throttles() > 0 ? "CloudWatch counts throttles of the " : "the throttled ")
                        + w.model().raw() + " calls in " + w.region()
                        + target.map(q -> ", where " + q.code() + " stays at "
                        + q.effectiveValue().map(Format::text).orElse("an unknown value")).orElse("")
                        + ". A client without an explicit region uses AWS_REGION or the profile's region, "
                        + "which is often not the one the increase was filed in." + profileNote)
                .step(PlanStep.of(PlanStep.Kind.CHANGE_CLIENT, "If the workload is meant to run in " + approvedIn
                                + ", set its region explicitly: " + Facts.regionSetting(approvedIn) + "; then retest there:")
                        .command(Commands.retest(w.model(), approvedIn)).in(approvedIn, w.account())
                        .because("the increase applies in " + approvedIn + " only"));
        return draft;
    }
}
