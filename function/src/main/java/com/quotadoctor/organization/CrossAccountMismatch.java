package com.quotadoctor.organization;

import com.quotadoctor.diagnosis.Commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The account mismatch across an organisation: calls fail in one account under a quota that another account raised.
 * Quotas are per account, so the other account's increase does nothing for these calls; nobody had to name the
 * failing account for the sweep to find it.
 *
 * @param failing  the account whose calls fail
 * @param calls    the failing calls, with the quota that binds them
 * @param raisedIn the account that filed the increase
 * @param increase the increase, approved or still open, on the same quota and region
 */
public record CrossAccountMismatch(String failing, AccountReport.Throttled calls, String raisedIn,
                                   AccountReport.Filed increase) {

    /**
     * Every failing context whose quota the failing account has not raised itself (no approved or open request on that
     * code and region) while another account has: the best such request (approved before open, then the largest).
     */
    public static List<CrossAccountMismatch> find(List<AccountReport> accounts) {
        List<CrossAccountMismatch> found = new ArrayList<>();
        for (AccountReport b : accounts) {
            for (AccountReport.Throttled t : b.throttled()) {
                if (t.quotaCode().isEmpty() || raisedBy(b, t).isPresent()) {
                    continue;
                }
                // one finding per failing context: the best standing request elsewhere (approved first, then the
                // largest value), not one line per account that ever raised the quota
                accounts.stream().filter(a -> !a.account().equals(b.account()))
                        .flatMap(a -> raisedBy(a, t).map(r -> new CrossAccountMismatch(b.account(), t, a.account(), r)).stream())
                        .min(Comparator.comparing((CrossAccountMismatch m) -> m.increase().status().isOpen())
                                .thenComparing(Comparator.comparingDouble((CrossAccountMismatch m) -> m.increase().desiredValue()).reversed())
                                .thenComparing(CrossAccountMismatch::raisedIn))
                        .ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparing(CrossAccountMismatch::failing).thenComparing(m -> m.calls().region())
                .thenComparing(m -> m.calls().model()).thenComparing(CrossAccountMismatch::raisedIn));
        return List.copyOf(found);
    }

    /** The request of {@code account} that stands on the calls' quota and region: approved before open. */
    private static Optional<AccountReport.Filed> raisedBy(AccountReport account, AccountReport.Throttled t) {
        return account.increases().stream()
                .filter(AccountReport.Filed::standing)
                .filter(r -> r.quotaCode().equals(t.quotaCode().get()) && r.region().equals(t.region()))
                .min(Comparator.comparing((AccountReport.Filed r) -> r.status().isOpen())
                        .thenComparing(Comparator.comparingDouble(AccountReport.Filed::desiredValue).reversed()));
    }

    /** The command that gives the failing account the value the other account asked for (run in the failing account). */
    public String command() {
        return Commands.requestIncrease(increase.quotaCode(), increase.desiredValue(), calls.region());
    }
}
