package com.quotadoctor.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * An applied value that fell between two sweeps of the request watcher: AWS may lower an account's quotas (Bedrock
 * User Guide, "Quotas for Amazon Bedrock"; docs/bedrock-quotas.md §11). Announced once, as its own event.
 *
 * @param seenAt     when {@code from} was last read
 * @param observedAt when {@code to} was read
 */
public record LoweredQuota(String quotaCode, String quotaName, String region, Optional<String> account, double from,
                           double to, Instant seenAt, Instant observedAt) {

    public LoweredQuota {
        AwsId.REGION.require(region, "region");
        AwsId.QUOTA_CODE.require(quotaCode, "quotaCode");
        if (!(to < from) || to < 0 || !Double.isFinite(from)) {
            throw new BadInputException("a lowered quota goes down: from " + from + " to " + to);
        }
        if (seenAt.isAfter(observedAt)) {
            throw new BadInputException("a lowered quota was seen at " + seenAt + ", after it was observed lowered at "
                    + observedAt);
        }
        account.ifPresent(a -> {
            if (!AccountId.isValid(a)) {
                throw new BadInputException("account: '" + Text.oneLine(a, 20) + "' is not a 12-digit account id");
            }
        });
        quotaName = Text.oneLine(quotaName, 256);
    }
}
