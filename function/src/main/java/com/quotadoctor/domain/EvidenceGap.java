package com.quotadoctor.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something that could not be read: a region or API that failed, or a section that was not collected.
 *
 * @param regions the regions it was met in (one, or several said once); none for what belongs to no single region
 * @param source  the API operation or snapshot section, e.g. {@code ListServiceQuotas}
 * @param code    the error code, or {@code NotCollected}
 * @param account the account it was read in, when it was not the collecting account's own
 */
public record EvidenceGap(List<String> regions, String source, String code, String message, Optional<String> account) {

    /** How the wire (snapshot, diagnosis JSON) names the region of a gap of no single region: a caller, a role. */
    public static final String ACCOUNT_WIDE = "global";

    /** Each part one line of printable text: a gap's text may come from a snapshot or an endpoint's answer. */
    public EvidenceGap {
        regions = regions.stream().map(r -> Text.oneLine(r, 64)).toList();
        source = Text.oneLine(source, 128);
        code = Text.oneLine(code, 128);
        message = Text.oneLine(message, 4_000);
    }

    /** A gap met in one region. */
    public static EvidenceGap in(String region, String source, String code, String message) {
        return in(region, source, code, message, Optional.empty());
    }

    public static EvidenceGap in(String region, String source, String code, String message, Optional<String> account) {
        return new EvidenceGap(List.of(region), source, code, message, account);
    }

    /** A gap of no single region: the caller's identity, a role, the whole snapshot. */
    public static EvidenceGap accountWide(String source, String code, String message) {
        return accountWide(source, code, message, Optional.empty());
    }

    public static EvidenceGap accountWide(String source, String code, String message, Optional<String> account) {
        return new EvidenceGap(List.of(), source, code, message, account);
    }

    /** A gap in the region given, or of none. */
    public static EvidenceGap where(Optional<String> region, String source, String code, String message) {
        return new EvidenceGap(region.map(List::of).orElse(List.of()), source, code, message, Optional.empty());
    }

    /** A gap as the wire names its region: {@value #ACCOUNT_WIDE} (or nothing) for none, else one or several, comma-separated. */
    public static EvidenceGap fromWire(String region, String source, String code, String message, Optional<String> account) {
        List<String> regions = region == null || region.isBlank() || region.equals(ACCOUNT_WIDE) ? List.of()
                : java.util.Arrays.stream(region.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
        return new EvidenceGap(regions, source, code, message, account);
    }

    /** The regions as the wire writes them: {@value #ACCOUNT_WIDE} for none, else comma-separated. */
    public String region() {
        return regions.isEmpty() ? ACCOUNT_WIDE : String.join(",", regions);
    }

    public boolean isAccountWide() {
        return regions.isEmpty();
    }

    /** The same gap, said otherwise. */
    public EvidenceGap withMessage(String said) {
        return new EvidenceGap(regions, source, code, said, account);
    }
    public static final String NOT_COLLECTED = "NotCollected";
    /** The credentials were missing, expired or refused: nothing else could be read. */
    public static final String CREDENTIALS_REJECTED = "CredentialsRejected";
    /** The run's time budget ran out before this region was read in full: it stands for every section left. */
    public static final String RUN_BUDGET_SPENT = "RunBudgetSpent";
    /** A snapshot section set aside because a value in it is malformed. */
    public static final String MALFORMED_SECTION = "MalformedSection";
    public static final String UNRESOLVED_MODEL = "UnresolvedModel";
    /** A decided increase request whose quota value was not read: whether it applied cannot be told. */
    public static final String UNJUDGEABLE_REQUEST = "UnjudgeableRequest";

    /** What kind of gap this is: the one place codes and sources are read for meaning. */
    public GapKind kind() {
        if (code.equals(CREDENTIALS_REJECTED)) {
            return GapKind.CREDENTIALS_REJECTED;
        }
        if (Operation.ASSUME_ROLE.is(source)) {
            return GapKind.ROLE_NOT_ASSUMED;
        }
        if (code.contains("AccessDenied") || code.contains("Unauthorized")) {
            return GapKind.ACCESS_DENIED;
        }
        if (code.contains("Throttl") || code.contains("TooManyRequests")) {
            return GapKind.THROTTLED;
        }
        if (code.contains("UnrecognizedClient") || code.contains("OptIn") || code.contains("InvalidClientToken")) {
            return GapKind.REGION_NOT_ENABLED;
        }
        return switch (code) {
            case UNRESOLVED_MODEL -> GapKind.UNRESOLVED_MODEL;
            case UNJUDGEABLE_REQUEST -> GapKind.UNJUDGEABLE_REQUEST;
            case MALFORMED_SECTION -> GapKind.MALFORMED_SECTION;
            case NOT_COLLECTED -> GapKind.NOT_COLLECTED;
            case RUN_BUDGET_SPENT -> GapKind.RUN_BUDGET_SPENT;
            default -> GapKind.FAILED;
        };
    }

    /**
     * The same failure met in several regions (access denied to one API everywhere, an expired token) said once,
     * listing its regions: one gap per operation, code, account and message, in the order first met.
     */
    public static List<EvidenceGap> merged(List<EvidenceGap> gaps) {
        Map<String, List<EvidenceGap>> groups = new LinkedHashMap<>();
        for (EvidenceGap g : gaps) {
            String message = g.regions().size() == 1 ? g.message().replace(g.regions().get(0), "<region>") : g.message();
            groups.computeIfAbsent(String.join("\u0000", g.source(), g.code(), g.account().orElse(""), message),
                    k -> new ArrayList<>()).add(g);
        }
        List<EvidenceGap> out = new ArrayList<>();
        for (List<EvidenceGap> group : groups.values()) {
            EvidenceGap first = group.get(0);
            List<String> regions = group.stream().flatMap(g -> g.regions().stream()).distinct().toList();
            // the regions are the gap's own field, printed before it: the message does not list them again
            out.add(group.size() == 1 || regions.size() <= 1 ? first : new EvidenceGap(regions, first.source(),
                    first.code(), first.message().replace(first.region(), "each region"), first.account()));
        }
        return List.copyOf(out);
    }

    /** Region, account when there is one, and source: where to look, in one phrase. */
    public String where() {
        return regionsText() + account.map(a -> " account " + a).orElse("") + " " + source;
    }

    /** The regions as a sentence shows them ("us-east-1, us-west-2"); {@value #ACCOUNT_WIDE} for none. */
    public String regionsText() {
        return regions.isEmpty() ? ACCOUNT_WIDE : String.join(", ", regions);
    }
}
