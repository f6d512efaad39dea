package com.quotadoctor.domain;

import java.util.Optional;

/**
 * One Bedrock quota in one region of one account: the applied value merged with the AWS default.
 *
 * @param applied    the account's applied value ({@code ListServiceQuotas}); empty when AWS returned none
 * @param awsDefault the AWS default ({@code ListAWSDefaultServiceQuotas}); empty when not collected
 * @param adjustable whether Service Quotas accepts increase requests for it; empty when unknown
 */
public record Quota(String code, String name, QuotaKind kind, String region, Optional<String> account,
                    Optional<Double> applied, Optional<Double> awsDefault, Optional<Boolean> adjustable) {

    /** The value that governs calls: the applied value, else the default. */
    public Optional<Double> effectiveValue() {
        return applied.or(() -> awsDefault);
    }

    /**
     * This quota as it applies to calls made by {@code callingAccount}. Evidence lists the collecting
     * account's applied values; for another account only the quota's identity and AWS default carry over.
     */
    public Quota forAccount(Optional<String> callingAccount) {
        if (callingAccount.isEmpty() || account.isEmpty() || account.equals(callingAccount)) {
            return this;
        }
        return new Quota(code, name, kind, region, callingAccount, Optional.empty(), awsDefault, adjustable);
    }

    public boolean appliedBelowDefault() {
        return applied.isPresent() && awsDefault.isPresent() && applied.get() < awsDefault.get();
    }

    public boolean isAdjustable() {
        return adjustable.orElse(true);
    }
}
