package com.quotadoctor.organization;

import com.quotadoctor.diagnosis.Severity;
import com.quotadoctor.domain.Fingerprint;

import java.util.Comparator;
import java.util.List;

/**
 * An organisation sweep reduced to one report: every account by severity (an account that could not be read is a
 * gap of the sweep, listed with its reason), and the account mismatches no single account's diagnosis can see.
 */
public record OrganizationReport(List<AccountReport> accounts, List<CrossAccountMismatch> mismatches) {

    public OrganizationReport {
        accounts = List.copyOf(accounts);
        mismatches = List.copyOf(mismatches);
    }

    /** Accounts needing a person first (critical, then warning, then unreadable), then by id. */
    public static OrganizationReport of(List<AccountReport> reports) {
        List<AccountReport> sorted = reports.stream()
                .sorted(Comparator.comparingInt(OrganizationReport::rank).thenComparing(AccountReport::account))
                .toList();
        return new OrganizationReport(sorted, CrossAccountMismatch.find(sorted));
    }

    private static int rank(AccountReport r) {
        if (r.unreadable().isPresent()) {
            return 2;
        }
        return r.severity() == Severity.CRITICAL ? 0 : r.severity() == Severity.WARNING ? 1 : 3;
    }

    public long count(Severity severity) {
        return accounts.stream().filter(a -> a.unreadable().isEmpty() && a.severity() == severity).count();
    }

    public long unreadable() {
        return accounts.stream().filter(a -> a.unreadable().isPresent()).count();
    }

    public long needingAction() {
        return accounts.stream().filter(AccountReport::needsAction).count();
    }

    /** The most severe thing in the sweep: a cross-account mismatch is critical (calls fail, the fix is known). */
    public Severity severity() {
        if (!mismatches.isEmpty() || count(Severity.CRITICAL) > 0) {
            return Severity.CRITICAL;
        }
        return needingAction() > 0 ? Severity.WARNING : Severity.INFO;
    }

    /**
     * The digest's dedupe key: the accounts that need action with their own situations, the unreadable ones, and the
     * mismatches. An unchanged organisation is not announced again while the last digest is remembered; any account
     * turning bad, recovering or becoming unreadable is a new digest.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder("organization\n");
        accounts.stream().filter(AccountReport::needsAction).forEach(a -> text.append(a.account()).append(' ')
                .append(a.fingerprint().orElse("unreadable")).append('\n'));
        mismatches.forEach(m -> text.append(String.join("|", m.failing(), m.calls().region(), m.calls().model(),
                m.increase().quotaCode(), m.raisedIn(), m.increase().requestId())).append('\n'));
        return "org-" + Fingerprint.of(text.toString());
    }
}
