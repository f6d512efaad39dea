package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.EvidenceGap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/** Turns a failed AWS call into the evidence gap that names it: operation, region, account, code, message. */
final class AwsFailure {

    /** What AWS answers in a region the account has not enabled. */
    private static final Set<String> REGION_DISABLED = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "AuthFailure", "OptInRequired");
    private static final int LONGEST_MESSAGE = 300;

    private AwsFailure() {
    }

    static EvidenceGap gap(String region, String operation, Access access, Throwable failure) {
        String code = code(failure);
        String message = message(failure);
        if (REGION_DISABLED.contains(code)) {
            message = "the region may not be enabled for this account: " + message;
        }
        return new EvidenceGap(region, operation, code, message, access.account());
    }

    static String code(Throwable failure) {
        if (failure instanceof AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return code == null || code.isBlank() ? "HTTP" + e.statusCode() : code;
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException
                || causedBy(failure, java.net.SocketTimeoutException.class)) {
            return "Timeout";
        }
        if (failure instanceof SdkClientException && (causedBy(failure, com.fasterxml.jackson.core.JsonProcessingException.class)
                || causedBy(failure, software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException.class)
                || String.valueOf(failure.getMessage()).contains("unmarshall"))) {
            return "MalformedResponse";
        }
        if (causedBy(failure, UnknownHostException.class)) {
            return "EndpointNotFound";
        }
        if (causedBy(failure, IOException.class)) {
            return "ConnectionFailed";
        }
        return failure instanceof SdkClientException ? "ClientError" : failure.getClass().getSimpleName();
    }

    private static String message(Throwable failure) {
        String text = failure instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage()
                : Optional.ofNullable(failure.getMessage()).orElse(failure.getClass().getSimpleName());
        String line = text.lines().findFirst().orElse("").trim();
        return line.length() > LONGEST_MESSAGE ? line.substring(0, LONGEST_MESSAGE) + "…" : line;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
