package com.quotadoctor.watch;

import java.time.Instant;
import java.util.Optional;

/** The detail of our "Bedrock Quota Request Status Change" event (design: "Events we emit"). */
public record StatusChange(String requestId, Optional<String> caseId, String quotaCode, String quotaName, String region,
                           Optional<String> account, double desiredValue, Optional<Double> appliedValue,
                           Optional<String> previousStatus, String status, Instant observedAt) {
}
