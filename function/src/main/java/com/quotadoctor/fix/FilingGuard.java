package com.quotadoctor.fix;

import com.quotadoctor.diagnosis.Format;

/**
 * Whether a candidate may be filed against the quota's state read just now: never twice (an open request for the
 * quota ends it), never on stale evidence (a value that already applies ends it), never past the rails.
 */
public final class FilingGuard {

    /** The outcome for one candidate. */
    public sealed interface Decision {
        String reason();
    }

    /** File it. */
    public record File(String reason) implements Decision {
    }

    /** Nothing to file: already asked, or already applied. Not an error. */
    public record Nothing(String reason) implements Decision {
    }

    /** Not filed, and the person must look: a rail, a quota AWS won't raise. */
    public record Refused(String reason) implements Decision {
    }

    private FilingGuard() {
    }

    /**
     * Whether the candidate belongs to the account the filing credentials are in: RequestServiceQuotaIncrease files in
     * the caller's own account, so another account's increase is refused, never filed in the wrong one.
     */
    public static java.util.Optional<Decision> otherAccount(FilingCandidate c, java.util.Optional<String> filingAccount) {
        if (c.account().isPresent() && filingAccount.isEmpty()) {
            return java.util.Optional.of(new Refused(c.quotaCode() + " in " + c.region() + " is account "
                    + c.account().get() + "'s, and the account these credentials file in is unknown (the caller's "
                    + "identity could not be read): nothing filed"));
        }
        if (c.account().isPresent() && filingAccount.isPresent() && !c.account().equals(filingAccount)) {
            return java.util.Optional.of(new Refused(c.quotaCode() + " in " + c.region() + " is account "
                    + c.account().get() + "'s, and these credentials file in account " + filingAccount.get()
                    + ": run it with that account's credentials"));
        }
        return java.util.Optional.empty();
    }

    public static Decision decide(FilingCandidate c, QuotaState now, FilingRails rails) {
        String where = c.quotaCode() + " in " + c.region();
        if (!now.open().isEmpty()) {
            QuotaState.OpenRequest r = now.open().get(0);
            return new Nothing("request " + r.id() + " for " + where + " is " + r.status() + " (desired "
                    + Format.text(r.desiredValue()) + "): AWS takes one open request per quota; nothing filed");
        }
        if (now.current().map(v -> v >= c.value()).orElse(false)) {
            return new Nothing(where + " already applies " + Format.text(now.current().get()) + ", at least the "
                    + Format.text(c.value()) + " planned: nothing filed");
        }
        if (!now.adjustable()) {
            return new Refused(where + " is not adjustable: AWS takes no increase request for it");
        }
        if (!Double.isFinite(c.value()) || c.value() <= 0) {
            return new Refused(where + ": " + c.value() + " is not a value to ask for");
        }
        if (now.awsDefault().isEmpty()) {
            return new Refused(where + ": its AWS default could not be read, so the ceiling (" + Format.text(
                    rails.ceilingMultiple()) + "× the default) can't be checked: nothing filed");
        }
        double ceiling = now.awsDefault().get() * rails.ceilingMultiple();
        if (c.value() > Math.min(ceiling, FilingRails.LARGEST_VALUE)) {
            return new Refused(Format.text(c.value()) + " for " + where + " is above the ceiling of "
                    + Format.text(Math.min(ceiling, FilingRails.LARGEST_VALUE)) + " (" + Format.text(rails.ceilingMultiple())
                    + "× the AWS default; --ceiling raises it)");
        }
        if (now.filedToday() >= rails.perDay()) {
            return new Refused(now.filedToday() + " increase requests were filed in " + c.region() + " in the last 24 hours,"
                    + " the most allowed (" + rails.perDay() + "; --per-day raises it)");
        }
        return new File("file " + Format.text(c.value()) + " for " + where + " (applies "
                + now.current().map(Format::text).orElse("an unread value") + ")");
    }
}
