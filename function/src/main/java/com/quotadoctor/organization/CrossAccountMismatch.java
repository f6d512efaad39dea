package com.quotadoctor.organization;

import com.quotadoctor.diagnosis.Commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        // every standing request by quota and region, once: a sweep of thousands of accounts is not squared
        Map<String, List<Raised>> standing = new HashMap<>();
        for (AccountReport a : accounts) {
            for (AccountReport.Filed r : a.increases()) {
                if (r.standing()) {
                    standing.computeIfAbsent(r.quotaCode() + " " + r.region(), k -> new ArrayList<>())
                            .add(new Raised(a.account(), r));
                }
            }
        }
        List<CrossAccountMismatch> found = new ArrayList<>();
        for (AccountReport b : accounts) {
            for (AccountReport.Throttled t : b.throttled()) {
                List<Raised> raised = t.quotaCode()
                        .map(code -> standing.getOrDefault(code + " " + t.region(), List.of())).orElse(List.of());
                // the failing account's own standing request answers its calls; else one finding per failing
                // context, naming the best request elsewhere, not one line per account that ever raised the quota
                if (raised.stream().noneMatch(r -> r.account().equals(b.account()))) {
                    raised.stream().min(BEST).ifPresent(r -> found.add(new CrossAccountMismatch(b.account(), t,
                            r.account(), r.request())));
                }
            }
        }
        found.sort(Comparator.comparing(CrossAccountMismatch::failing).thenComparing(m -> m.calls().region())
                .thenComparing(m -> m.calls().model()).thenComparing(CrossAccountMismatch::raisedIn));
        return List.copyOf(found);
    }

    /** Approved before open, then the largest value, then the account id (a stable choice). */
    private static final Comparator<Raised> BEST = Comparator.comparing((Raised r) -> r.request().status().isOpen())
            .thenComparing(Comparator.comparingDouble((Raised r) -> r.request().desiredValue()).reversed())
            .thenComparing(Raised::account);

    /** A standing request and the account that filed it. */
    private record Raised(String account, AccountReport.Filed request) {
    }

    /** The command that gives the failing account the value the other account asked for (run in the failing account). */
    public String command() {
        return Commands.requestIncrease(increase.quotaCode(), increase.desiredValue(), calls.region());
    }
}
