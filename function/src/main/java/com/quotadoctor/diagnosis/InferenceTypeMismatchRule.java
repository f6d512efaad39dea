package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.ModelId;
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
        draft.title("The increase is for " + raised.label() + " inference, the calls use " + used.label())
                .explain("Bedrock keeps separate quotas per inference family: a bare model id draws on the "
                        + "On-demand quotas, a us./eu./apac./jp./au. profile on the Cross-region quotas, a global. "
                        + "profile on the Global cross-region quotas. " + Facts.describe(a.request()) + " raised the "
                        + raised.label() + " quota, but the failing calls invoke " + w.model().raw() + " ("
                        + used.label() + ").");
        invocationFor(raised, w.model()).ifPresent(id -> draft.step("Or invoke the model the way the raised quota "
                + "counts (" + id + "), then retest:", Commands.retest(ModelId.parse(id), w.region())));
        return draft;
    }

    /** The model id that would draw on the raised family. */
    static Optional<String> invocationFor(InferenceFamily family, ModelId model) {
        if (model.baseId().isEmpty()) {
            return Optional.empty();
        }
        String base = model.baseId().get();
        return switch (family) {
            case ON_DEMAND -> Optional.of(base);
            case GLOBAL -> Optional.of("global." + base);
            case CROSS_REGION -> Optional.of(model.geography().filter(g -> !g.equals("global")).orElse(geographyOf(model)) + "." + base);
            default -> Optional.empty();
        };
    }

    private static String geographyOf(ModelId model) {
        String region = model.region().orElse("us-east-1");
        if (region.startsWith("eu-")) {
            return "eu";
        }
        if (region.startsWith("ap-")) {
            return "apac";
        }
        return region.startsWith("us-gov-") ? "us-gov" : "us";
    }
}
