package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.ModelName;
import com.quotadoctor.domain.Quota;

import java.util.Optional;

/** The increase is for another model, or another version of the model, than the one invoked. */
final class ModelMismatchRule extends MismatchRule {

    @Override
    Mismatch dimension() {
        return Mismatch.MODEL;
    }

    @Override
    FindingDraft describe(FindingDraft draft, Assessment a, Workload w, Optional<Quota> target) {
        String raised = a.request().kind().model().map(ModelName::display).orElse(a.request().quotaName());
        boolean sameLine = a.request().kind().model()
                .flatMap(m -> w.model().name().map(m::sameLineage)).orElse(false);
        return draft.title("Increase for " + raised.replaceFirst("^(?i)(Anthropic|Amazon|Meta|Mistral AI|Cohere) ", "")
                        + ", calls invoke " + w.model().baseId().map(b -> b.substring(b.indexOf('.') + 1)).orElse(w.model().raw()))
                .explain("Each model" + (sameLine ? " version and context-length variant" : "")
                        + " has its own quotas. " + Facts.describe(a.request()) + " raised the quota for " + raised
                        + (sameLine ? ", another version of the same model line," : "") + " but the failing calls "
                        + "invoke " + w.model().raw() + target.map(q -> ", which draws on " + q.code() + " \""
                        + q.name() + "\"").orElse("") + ".");
    }
}
