package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.Quota;

import java.util.Optional;

/** On-demand raised while calls go through a cross-region or global profile, or the reverse. */
final class InferenceTypeMismatchRule extends MismatchRule {

    @Override
    Mismatch dimension() {
        return Mismatch.FAMILY;
    }

    @Override
    FindingDraft describe(FindingDraft draft, Assessment a, Workload w, Optional<Quota> target) {
        InferenceFamily raised = a.request().kind().family();
        InferenceFamily used = w.model().family();
        draft.title("Increase on the " + raised.brief() + " quota, calls use " + used.brief() + " inference")
                .explain("Bedrock keeps separate quotas per inference family: a bare model id draws on the "
                        + "On-demand quotas, a us./eu./apac./jp./au. profile on the Cross-region quotas, a global. "
                        + "profile on the Global cross-region quotas. " + Facts.describe(a.request()) + " raised the "
                        + raised.label() + " quota, but the failing calls invoke " + w.model().raw() + " ("
                        + used.label() + ").");
        w.model().inFamily(raised, w.region()).ifPresent(id -> Facts.moveTo(draft, w, id,
                "the raised quota counts " + raised.label() + " calls only"));
        return draft;
    }
}
