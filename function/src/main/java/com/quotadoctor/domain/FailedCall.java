package com.quotadoctor.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A Bedrock call that failed with a quota error, as CloudTrail recorded it in {@code region}.
 *
 * @param serviceTier the service tier the call asked for ({@code priority}, {@code default}, {@code flex},
 *                    {@code reserved}) when the event records it; empty means the default tier or not recorded
 */
public record FailedCall(Instant time, String region, String eventName, Optional<String> account,
                         Optional<String> principalArn, Optional<String> modelId, String errorCode,
                         Optional<String> errorMessage, Optional<String> serviceTier) {

    /** The service tiers AWS names ("Service tiers for optimizing performance and cost", Bedrock User Guide). */
    public static final java.util.Set<String> TIERS = java.util.Set.of("priority", "default", "flex", "reserved");

    public FailedCall(Instant time, String region, String eventName, Optional<String> account,
                      Optional<String> principalArn, Optional<String> modelId, String errorCode,
                      Optional<String> errorMessage) {
        this(time, region, eventName, account, principalArn, modelId, errorCode, errorMessage, Optional.empty());
    }

    public boolean onFlex() {
        return serviceTier.map("flex"::equals).orElse(false);
    }

    /** Held to AWS's shapes where it enters, from CloudTrail or a snapshot alike; the message is one line. */
    public FailedCall {
        AwsId.REGION.require(region, "AwsRegion");
        AwsId.ERROR_CODE.require(errorCode, "ErrorCode");
        modelId.ifPresent(m -> AwsId.MODEL.require(m, "ModelId"));
        account.ifPresent(a -> {
            if (!AccountId.isValid(a)) {
                throw new BadInputException("AccountId: '" + Text.oneLine(a, 20) + "' is not a 12-digit account id");
            }
        });
        eventName = Text.oneLine(eventName, 64);
        principalArn = principalArn.map(p -> Text.oneLine(p, 2048));
        errorMessage = errorMessage.map(m -> Text.oneLine(m, 1024));
        serviceTier = serviceTier.map(t -> t.toLowerCase(java.util.Locale.ROOT));
        serviceTier.ifPresent(t -> {
            if (!TIERS.contains(t)) {
                throw new BadInputException("ServiceTier: '" + Text.oneLine(t, 20) + "' is not one of " + TIERS);
            }
        });
    }
}
