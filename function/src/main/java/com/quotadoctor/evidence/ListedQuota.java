package com.quotadoctor.evidence;

import com.quotadoctor.domain.QuotaArn;

import java.util.Optional;

/**
 * One {@code ServiceQuota} object as an API listed it, before the applied and default lists are merged.
 *
 * @param arn its {@code QuotaArn}: the region, and the account for applied values
 */
public record ListedQuota(String code, Optional<String> name, Optional<String> serviceCode, Optional<QuotaArn> arn,
                          Optional<Double> value, Optional<Boolean> adjustable) {

    Optional<String> account() {
        return arn.flatMap(QuotaArn::account);
    }

    boolean isBedrock() {
        return serviceCode.map(Capture.BEDROCK::equalsIgnoreCase).orElse(true);
    }
}
