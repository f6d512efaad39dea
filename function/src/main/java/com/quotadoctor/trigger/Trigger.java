package com.quotadoctor.trigger;

import com.quotadoctor.domain.DiagnosisRequest;

import java.util.Optional;

/** What an incoming event asks for: a diagnosis, a scheduled look at everything configured, or nothing. */
public sealed interface Trigger {

    /** The event's shape: one of a closed set. */
    TriggerKind type();

    /** Its name for logs, outputs and metrics, e.g. {@code RequestServiceQuotaIncrease}. */
    default String kind() {
        return type().label();
    }

    /**
     * Diagnose this request.
     *
     * @param supportCase a support case id that must belong to a Bedrock quota request for the diagnosis to
     *                    concern us (a Support Case Update alone does not say which service it is about)
     */
    record Diagnose(TriggerKind type, DiagnosisRequest request, Optional<String> supportCase, Optional<String> situation)
            implements Trigger {

        public Diagnose(TriggerKind type, DiagnosisRequest request, Optional<String> supportCase) {
            this(type, request, supportCase, Optional.empty());
        }
    }

    /** One member account of an organisation sweep: diagnose that account alone, through its member role. */
    record Member(String account, DiagnosisRequest request) implements Trigger {
        @Override
        public TriggerKind type() {
            return TriggerKind.ORGANIZATION_MEMBER;
        }
    }

    /** A schedule or an empty console test event: diagnose every configured workload. */
    record Scheduled(TriggerKind type) implements Trigger {
    }

    /** An event that is not about Bedrock quotas, recognised and passed over. */
    record Skip(TriggerKind type, String reason) implements Trigger {
    }
}
