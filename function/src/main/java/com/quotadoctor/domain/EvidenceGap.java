package com.quotadoctor.domain;

import java.util.Optional;

/**
 * Something that could not be read: a region or API that failed, or a section that was not collected.
 *
 * @param region  the region, or {@code global} for account-wide sources
 * @param source  the API operation or snapshot section, e.g. {@code ListServiceQuotas}
 * @param code    the error code, or {@code NotCollected}
 * @param account the account it was read in, when it was not the collecting account's own
 */
public record EvidenceGap(String region, String source, String code, String message, Optional<String> account) {

    public static final String NOT_COLLECTED = "NotCollected";

    public EvidenceGap(String region, String source, String code, String message) {
        this(region, source, code, message, Optional.empty());
    }

    /** Region, account when there is one, and source: where to look, in one phrase. */
    public String where() {
        return region + account.map(a -> " account " + a).orElse("") + " " + source;
    }
}
