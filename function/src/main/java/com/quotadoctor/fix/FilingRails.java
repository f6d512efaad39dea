package com.quotadoctor.fix;

/**
 * What a filing may never do, whoever said yes. Service Quotas' own limits (reference_limits.html): 20 active increase
 * requests per account, 2 per region, 1 per quota; RequestServiceQuotaIncrease takes 3 calls a second and a
 * DesiredValue up to 10,000,000,000.
 *
 * @param ceilingMultiple never ask more than this many times the AWS default (a typo's safety net)
 * @param perDay          at most this many requests filed per region in 24 hours
 */
public record FilingRails(double ceilingMultiple, int perDay) {

    public static final FilingRails DEFAULT = new FilingRails(10, 2);
    /** Service Quotas' maximum DesiredValue. */
    public static final double LARGEST_VALUE = 10_000_000_000d;

    public FilingRails {
        if (ceilingMultiple < 1) {
            throw new IllegalArgumentException("the ceiling is at least the AWS default (1×), got " + ceilingMultiple);
        }
        if (perDay < 1) {
            throw new IllegalArgumentException("at least 1 filing a day, got " + perDay);
        }
    }
}
