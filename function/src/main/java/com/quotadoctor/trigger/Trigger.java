package com.quotadoctor.trigger;

import com.quotadoctor.domain.DiagnosisRequest;

import java.util.Optional;

/** What an incoming event asks for: a diagnosis, a scheduled look at everything configured, or nothing. */
public sealed interface Trigger {

    /** The name of the event's shape, e.g. {@code RequestServiceQuotaIncrease}, for logs and metrics. */
    String kind();

    /**
     * Diagnose this request.
     *
     * @param supportCase a support case id that must belong to a Bedrock quota request for the diagnosis to
     *                    concern us (a Support Case Update alone does not say which service it is about)
     */
    record Diagnose(String kind, DiagnosisRequest request, Optional<String> supportCase) implements Trigger {
    }

    /** A schedule or an empty console test event: diagnose every configured workload. */
    record Scheduled(String kind) implements Trigger {
    }

    /** An event that is not about Bedrock quotas, recognised and passed over. */
    record Skip(String kind, String reason) implements Trigger {
    }
}
