package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.EvidenceGap;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A region or API could not be read: one finding that lists every gap, so nothing is judged blind in silence. */
final class IncompleteEvidenceRule implements DiagnosisRule {

    @Override
    public FindingCode code() {
        return FindingCode.INCOMPLETE_EVIDENCE;
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<EvidenceGap> gaps = s.gaps();
        if (gaps.isEmpty()) {
            return List.of();
        }
        Set<String> regions = new LinkedHashSet<>();
        gaps.forEach(g -> regions.addAll(g.isAccountWide() ? List.of(EvidenceGap.ACCOUNT_WIDE) : g.regions()));
        FindingDraft draft = FindingDraft.of(code(), Severity.WARNING)
                .title(gaps.size() + " piece" + (gaps.size() == 1 ? "" : "s") + " of evidence could not be read ("
                        + String.join(", ", regions) + ")")
                .explain("The diagnosis is made without: " + String.join("; ", gaps.stream()
                        .map(g -> g.where() + " (" + g.code() + ")").toList())
                        + ". A request or failing call in what could not be read would change the verdict.")
                .proof(new Proof().put("gaps", gaps.stream().map(g -> g.where() + ": " + g.code()
                        + " — " + g.message()).toList()))
                .about(regions.size() == 1 ? regions.stream().findFirst() : Optional.empty(), s.evidence().callerAccount(),
                        Optional.empty(), Optional.empty());
        for (String step : steps(gaps)) {
            draft.step(PlanStep.of(PlanStep.Kind.COMPLETE_EVIDENCE, step)
                    .because("a request or failing call in what could not be read would change the verdict"));
        }
        return List.of(draft.build());
    }

    private static Set<String> steps(List<EvidenceGap> gaps) {
        Set<String> steps = new LinkedHashSet<>();
        for (EvidenceGap g : gaps) {
            steps.add(switch (g.kind()) {
                case CREDENTIALS_REJECTED -> "Fix the credentials, then run again: " + g.message() + ".";
                case ROLE_NOT_ASSUMED -> "Let the collecting role assume " + g.account()
                        .map(a -> "the read-only role in account " + a).orElse("the configured read-only role")
                        + " (its trust policy must name the collecting role).";
                // the one action the failed call needs, not every read-only permission there is
                case ACCESS_DENIED -> com.quotadoctor.domain.Operation.named(g.source())
                        .map(o -> "Grant " + o.iamAction() + " (what " + g.source() + " needs) to the role that collects "
                                + "evidence" + (g.isAccountWide() ? "" : " in " + g.regionsText()) + ".")
                        .orElse("Grant the read-only permission that " + g.source() + " needs to the role that collects "
                                + "evidence.");
                case THROTTLED -> "Capture again in a few minutes: " + g.source() + " was throttled in " + g.regionsText() + ".";
                case REGION_NOT_ENABLED -> "Enable " + g.regionsText() + " for the account, or drop it from the configured regions.";
                case UNRESOLVED_MODEL -> "Resolve the application inference profile to its model, then add the response "
                        + "to the snapshot's inferenceProfiles section: " + g.message();
                case UNJUDGEABLE_REQUEST -> "Read that quota's value, then diagnose again (capture with --all-quotas, or "
                        + "add the quota to the snapshot's serviceQuotas and defaultQuotas): " + g.message() + ".";
                case MALFORMED_SECTION -> "Correct the snapshot, then diagnose again: " + g.message();
                case NOT_COLLECTED -> "Add the missing sections to the snapshot from the aws CLI (events/snapshots/README.md "
                        + "lists the command for each).";
                case RUN_BUDGET_SPENT -> "Capture again with fewer regions (--scan-region), or find what is slow in "
                        + g.regionsText() + ": " + g.message() + ".";
                // not retried: the endpoint answered something that is not AWS's answer (a proxy, a wrong endpoint URL)
                case FAILED -> g.code().equals("ResponseTooLarge") || g.code().equals("MalformedResponse")
                        ? g.where() + " answered what is not AWS's answer (" + g.code() + "): check the endpoint the "
                        + "collector reaches (AWS_ENDPOINT_URL, a proxy), then capture again."
                        : g.code().equals("NoSuchResourceException")
                        ? g.where() + " answered NoSuchResourceException: what was asked for does not exist there (not "
                        + "transient); check the request id or quota code."
                        : "Capture again; " + g.where() + " failed with " + g.code() + " after the SDK's retries.";
            });
        }
        return steps;
    }
}
