package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Quota;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** No increase request exists for the quota that governs the failing calls, in any region read. */
final class NoMatchingRequestRule implements DiagnosisRule {

    @Override
    public FindingCode code() {
        return FindingCode.NO_MATCHING_REQUEST;
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        if (!s.requestHistoryComplete()) {
            return List.of(); // a region whose history could not be read may hold the request: INCOMPLETE_EVIDENCE says so
        }
        List<Finding> findings = new ArrayList<>();
        for (Workload w : s.workloads()) {
            if (w.model().isApplicationProfile()) {
                continue; // an application profile that could not be read: which quota governs it is unknown (a gap)
            }
            if (FlexTierThrottledRule.applies(w, s.settings())) {
                continue; // Flex throttled with room on the quota: no increase would have served it
            }
            boolean hasRequest = s.assessments().stream().anyMatch(a -> a.workload().filter(w::equals).isPresent());
            Optional<Quota> binding = w.bindingQuota();
            boolean adjustable = binding.map(Quota::isAdjustable).orElse(true);
            if (!hasRequest && adjustable) {
                findings.add(finding(s, w, binding));
            }
        }
        return findings;
    }

    private Finding finding(Situation s, Workload w, Optional<Quota> binding) {
        Proof proof = Facts.workload(new Proof(), w);
        binding.ifPresent(q -> Facts.quota(proof, "governing", q));
        Facts.demand(proof, w.demand());
        proof.put("regionsSearched", List.copyOf(s.evidence().regions().keySet()));
        FindingDraft draft = FindingDraft.of(code(), Severity.WARNING)
                .title("No increase request exists for " + binding.map(Quota::code).orElse("the quota") + " in "
                        + w.region())
                .explain("The request history of " + String.join(", ", s.evidence().regions().keySet())
                        + " holds no increase request for the quota that governs " + w.model().raw() + " in " + w.region()
                        + binding.map(q -> " (" + Facts.describe(q) + ", applied "
                        + q.effectiveValue().map(Format::text).orElse("unknown") + ")").orElse("")
                        + ", nor one that nearly matches it. Whatever was raised, it was not this.")
                .proof(proof)
                .about(Optional.of(w.region()), w.account(), binding.map(Quota::code), Optional.of(w.model().raw()));
        binding.ifPresentOrElse(
                q -> draft.requestIncrease("Request the increase on the quota that governs these calls:", q, w.account(),
                        Facts.suggestedValue(q, w, Optional.empty()), "no request exists for it"),
                () -> Facts.findTheQuota(draft, w, s));
        return draft.build();
    }
}
