package com.quotadoctor.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Service Quotas ARN, {@code arn:aws:servicequotas:<region>:<account>:<service>/<quotaCode>}.
 * Default-quota ARNs leave the account empty.
 */
public record QuotaArn(String partition, String region, Optional<String> account, String serviceCode, String quotaCode) {

    private static final Pattern PATTERN = Pattern.compile(
            "^arn:(aws[a-z-]*):servicequotas:([a-z0-9-]+):(\\d{12})?:([^/]+)/(.+)$");

    public static Optional<QuotaArn> parse(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher m = PATTERN.matcher(arn.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new QuotaArn(m.group(1), m.group(2), Optional.ofNullable(m.group(3)), m.group(4), m.group(5)));
    }

    /** The ARN as AWS writes it, partition included (aws, aws-cn, aws-us-gov): a round trip keeps it. */
    @Override
    public String toString() {
        return "arn:" + partition + ":servicequotas:" + region + ":" + account.orElse("") + ":" + serviceCode + "/" + quotaCode;
    }
}
