package com.quotadoctor.domain;

import java.util.Optional;

/**
 * One Bedrock quota in one region of one account: the applied value merged with the AWS default.
 *
 * @param applied    the account's applied value ({@code ListServiceQuotas}); empty when AWS returned none
 * @param awsDefault the AWS default ({@code ListAWSDefaultServiceQuotas}); empty when not collected
 * @param adjustable whether Service Quotas accepts increase requests for it; empty when unknown
 * @param appliedRead whether the account's applied value was read at all: false when collection read only other
 *                    quotas by code, so an empty {@code applied} means "unknown", not "at its default"
 */
public record Quota(String code, String name, QuotaKind kind, String region, Optional<String> account,
                    Optional<Double> applied, Optional<Double> awsDefault, Optional<Boolean> adjustable,
                    boolean appliedRead) {

    public Quota(String code, String name, QuotaKind kind, String region, Optional<String> account,
                 Optional<Double> applied, Optional<Double> awsDefault, Optional<Boolean> adjustable) {
        this(code, name, kind, region, account, applied, awsDefault, adjustable, true);
    }

    /** The value that governs calls: the applied value, else the default; unknown when the quota was not read. */
    public Optional<Double> effectiveValue() {
        return appliedRead ? applied.or(() -> awsDefault) : Optional.empty();
    }

    /**
     * This quota as it applies to calls made by {@code callingAccount}. Evidence lists the collecting
     * account's applied values; for another account only the quota's identity and AWS default carry over.
     */
    public Quota forAccount(Optional<String> callingAccount) {
        if (callingAccount.isEmpty() || account.isEmpty() || account.equals(callingAccount)) {
            return this;
        }
        return new Quota(code, name, kind, region, callingAccount, Optional.empty(), awsDefault, adjustable,
                appliedRead);
    }

    public boolean appliedBelowDefault() {
        return applied.isPresent() && awsDefault.isPresent() && applied.get() < awsDefault.get();
    }

    public boolean isAdjustable() {
        return adjustable.orElse(true);
    }
}
