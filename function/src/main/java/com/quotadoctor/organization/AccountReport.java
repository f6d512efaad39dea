package com.quotadoctor.organization;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.diagnosis.Finding;
import com.quotadoctor.diagnosis.Severity;
import com.quotadoctor.diagnosis.Situation;
import com.quotadoctor.diagnosis.Workload;
import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.RequestStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One member account's part of an organisation sweep: what its own diagnosis found, which calls fail there and under
 * which quota, and which increases it filed. Small on purpose: the reduction sets accounts against each other from
 * these alone, so a sweep of thousands of accounts fits in memory.
 *
 * @param verdict    the account's own verdict; empty when the account could not be read at all
 * @param severity   its most severe finding (INFO when nothing needs a person)
 * @param unreadable why the account's diagnosis did not run (the role could not be assumed, the task failed)
 */
public record AccountReport(String account, Optional<String> verdict, Severity severity, Optional<String> fingerprint,
                            List<Throttled> throttled, List<Filed> increases, List<String> gaps,
                            Optional<String> unreadable) {

    public AccountReport {
        throttled = List.copyOf(throttled);
        increases = List.copyOf(increases);
        gaps = List.copyOf(gaps);
    }

    /**
     * Calls failing in one region and model of this account.
     *
     * @param quotaCode the quota that binds them, when the catalogue named one
     * @param throttles throttled requests in the metrics' recent window
     */
    public record Throttled(String region, String model, Optional<String> quotaCode, Optional<String> quotaName,
                            int failedCalls, double throttles) {
    }

    /** An increase request this account filed for a Bedrock quota. */
    public record Filed(String requestId, String region, String quotaCode, String quotaName, RequestStatus status,
                        double desiredValue) {

        /**
         * Approved, or still with AWS: a value that is, or may become, this account's. A closed support case is not:
         * AWS closes cases it did not grant too, and this summary does not carry the applied value that would tell.
         */
        public boolean standing() {
            return status == RequestStatus.APPROVED || status.isOpen();
        }
    }

    /** Whether this account's own diagnosis asks a person for something. */
    public boolean needsAction() {
        return unreadable.isPresent() || severity != Severity.INFO;
    }

    /** The report of an account whose diagnosis did not run: a gap of the sweep, not a failed sweep. */
    public static AccountReport unreadable(String account, String reason) {
        return new AccountReport(account, Optional.empty(), Severity.WARNING, Optional.empty(), List.of(), List.of(),
                List.of(), Optional.of(reason));
    }

    /** The summary of one account's diagnosis, from the very situation it judged. */
    public static AccountReport of(String account, Diagnostician.Judgement judged) {
        Situation situation = judged.situation();
        Diagnosis diagnosis = judged.diagnosis();
        Evidence evidence = situation.evidence();
        List<Throttled> throttled = situation.workloads().stream()
                .filter(Workload::isFailing)
                .map(w -> {
                    Optional<Quota> binding = w.bindingQuota();
                    return new Throttled(w.region(), w.invokedId(), binding.map(Quota::code), binding.map(Quota::name),
                            w.calls().size(), w.demand().throttles());
                })
                .toList();
        List<Filed> filed = evidence.requests()
                .filter(r -> r.account().map(account::equals).orElse(true))
                .sorted(Comparator.comparing(IncreaseRequest::region).thenComparing(IncreaseRequest::id))
                .map(r -> new Filed(r.id(), r.region(), r.quotaCode(), r.quotaName(), r.status(), r.desiredValue()))
                .toList();
        // a quiet account (no failing call, no request, nothing unread) has nothing for a person: the single-account
        // "nothing to judge" asks to name the failing context, which a sweep of quiet accounts would repeat by the hundred
        boolean quiet = throttled.isEmpty() && filed.isEmpty() && diagnosis.evidenceGaps().isEmpty();
        Severity severity = quiet ? Severity.INFO : diagnosis.findings().stream().map(Finding::severity)
                .min(Comparator.naturalOrder()).orElse(Severity.INFO);
        List<String> gaps = diagnosis.evidenceGaps().stream().map(AccountReport::gap).distinct().toList();
        return new AccountReport(account, Optional.of(diagnosis.verdict().name()), severity,
                Optional.of(diagnosis.fingerprint()), throttled, filed, gaps, Optional.empty());
    }

    private static String gap(EvidenceGap g) {
        return g.region() + " " + g.source() + ": " + g.code();
    }
}
