package com.quotadoctor.diagnosis;

import java.util.List;

/** Every rule the diagnosis applies, one per finding code, in one place. */
public final class DiagnosisRules {

    private DiagnosisRules() {
    }

    public static List<DiagnosisRule> all() {
        return List.of(
                new AccountMismatchRule(),
                new RegionMismatchRule(),
                new EndpointMismatchRule(),
                new InferenceTypeMismatchRule(),
                new ModelMismatchRule(),
                new MetricMismatchRule(),
                new DailyQuotaExhaustedRule(),
                new RequestDeniedRule(),
                new PropagationOverdueRule(),
                new PartiallyGrantedRule(),
                new PropagationPendingRule(),
                new RequestPendingRule(),
                new QuotaLoweredRule(),
                new AppliedBelowDefaultRule(),
                new NotAdjustableRule(),
                new FlexTierThrottledRule(),
                new UsageExceedsQuotaRule(),
                new MaxTokensReservationRule(),
                new NoMatchingRequestRule(),
                new AgentCallsNotLoggedRule(),
                new IncompleteEvidenceRule(),
                new AlignedRule());
    }
}
