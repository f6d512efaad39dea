package com.quotadoctor.domain;

import java.time.Instant;
import java.util.Optional;

/** A Bedrock call that failed with a quota error, as CloudTrail recorded it in {@code region}. */
public record FailedCall(Instant time, String region, String eventName, Optional<String> account,
                         Optional<String> principalArn, Optional<String> modelId, String errorCode,
                         Optional<String> errorMessage) {
}
