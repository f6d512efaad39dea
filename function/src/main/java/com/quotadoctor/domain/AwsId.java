package com.quotadoctor.domain;

import java.util.regex.Pattern;

/**
 * AWS's published patterns for the identifiers that reach a report, a plan line, a link or a command: a value that
 * came from AWS, a snapshot or an event is held to its pattern where it enters, so a newline or a forged command in
 * one can never print as a plan line. One home for every such pattern.
 */
public enum AwsId {
    /** Service Quotas API reference, {@code QuotaCode}. */
    QUOTA_CODE("^[a-zA-Z][a-zA-Z0-9-]{1,128}$", "a quota code"),
    /** Service Quotas API reference, {@code RequestedServiceQuotaChange.Id}. */
    REQUEST_ID("^[0-9a-zA-Z][a-zA-Z0-9-]{1,128}$", "a request id"),
    /** Service Quotas' {@code CaseId}: the support case's display id (digits). */
    CASE_DISPLAY_ID("^[0-9]{1,20}$", "a support case display id"),
    /** Service Quotas' {@code Status}: upper-case words (values newer than this code are kept as such). */
    STATUS("^[A-Z][A-Z_]{0,63}$", "a request status"),
    /** An AWS error code as CloudTrail and the APIs give it ({@code ThrottlingException}, {@code Client.Throttling}). */
    ERROR_CODE("^[A-Za-z][A-Za-z0-9.:_-]{0,127}$", "an error code"),
    /** A region name. */
    REGION("^[a-z]{2}(-[a-z]+)+-\\d{1,2}$", "a region name"),
    /** A Bedrock model id, profile id or ARN (the part after application-inference-profile/ included), AWS's limit 2,048. */
    MODEL("^[A-Za-z0-9][A-Za-z0-9.:/_-]{0,2047}$", "a model id");

    private final Pattern pattern;
    private final String what;

    AwsId(String pattern, String what) {
        this.pattern = Pattern.compile(pattern);
        this.what = what;
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    /** The value, if it has this identifier's shape; else a {@link BadInputException} naming the field. */
    public String require(String value, String field) {
        if (!matches(value)) {
            throw new BadInputException(field + ": " + (value == null ? "missing" : "'" + Text.oneLine(value, 60)
                    + "' is not " + what));
        }
        return value;
    }
}
