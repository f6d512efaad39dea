package com.quotadoctor.domain;

/**
 * Something that could not be read: a region or API that failed, or a section that was not collected.
 *
 * @param region  the region, or {@code global} for account-wide sources
 * @param source  the API operation or snapshot section, e.g. {@code ListServiceQuotas}
 * @param code    the error code, or {@code NotCollected}
 */
public record EvidenceGap(String region, String source, String code, String message) {

    public static final String NOT_COLLECTED = "NotCollected";
}
