package com.quotadoctor.domain;

import java.time.Instant;
import java.util.Optional;

/** A Bedrock call that failed with a quota error, as CloudTrail recorded it in {@code region}. */
public record FailedCall(Instant time, String region, String eventName, Optional<String> account,
                         Optional<String> principalArn, Optional<String> modelId, String errorCode,
                         Optional<String> errorMessage) {

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
    }
}
