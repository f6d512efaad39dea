package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.IncreaseRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shape every judgement about an on-target request shares: the request targets exactly the
 * quota that governs the calls (or is followed on its own), and its state decides the finding.
 */
abstract class RequestStateRule implements DiagnosisRule {

    abstract Set<RequestState> states();

    abstract FindingDraft describe(Assessment a, RequestState state, Situation s);

    @Override
    public final List<Finding> evaluate(Situation s) {
        List<Finding> findings = new ArrayList<>();
        for (Assessment a : s.onTarget()) {
            RequestState state = RequestState.of(a, s);
            if (!states().contains(state)) {
                continue;
            }
            Proof proof = Facts.request(new Proof(), a.request());
            a.quota().ifPresent(q -> Facts.quota(proof, "current", q));
            a.workload().ifPresent(w -> Facts.demand(Facts.workload(proof, w), w.demand()));
            Finding finding = describe(a, state, s).proof(proof)
                    .about(Optional.of(a.request().region()),
                            a.request().account().or(() -> a.workload().flatMap(Workload::account)),
                            Optional.of(a.request().quotaCode()),
                            a.workload().map(w -> w.model().raw()))
                    .build();
            findings.add(state.isSettledAgainst() ? supersededBy(a.request(), s).map(finding::superseded).orElse(finding)
                    : finding);
        }
        return findings;
    }

    /**
     * A later request for the same quota (in any region) that was not refused: a refusal or a partial grant it
     * follows is history, kept as information, and never outranks the decision the user is asking about.
     */
    private static Optional<String> supersededBy(IncreaseRequest r, Situation s) {
        return r.created().flatMap(created -> s.evidence().requests()
                .filter(later -> !later.id().equals(r.id()) && later.quotaCode().equalsIgnoreCase(r.quotaCode())
                        && later.created().map(t -> t.isAfter(created)).orElse(false) && !later.status().isRefused())
                .max(java.util.Comparator.comparing(later -> later.created().get()))
                .map(later -> "request " + later.id() + ", " + later.rawStatus() + " in " + later.region()));
    }

    static String appliedText(Assessment a) {
        return a.appliedValue().map(Format::text).orElse("unknown");
    }
}
