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
public final class AwsFailure {

    /** What AWS answers in a region the account has not enabled. */
    private static final Set<String> REGION_DISABLED = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "AuthFailure", "OptInRequired");
    private static final int LONGEST_MESSAGE = 300;

    private AwsFailure() {
    }

    /** A failure of a call that belongs to no single region: the caller's identity, a role. */
    static EvidenceGap accountWide(com.quotadoctor.domain.Operation operation, Access access, Throwable failure) {
        return EvidenceGap.accountWide(operation.wireName(), code(failure), message(failure), access.account());
    }

    static EvidenceGap gap(String region, com.quotadoctor.domain.Operation operation, Access access, Throwable failure) {
        String code = code(failure);
        String message = message(failure);
        if (REGION_DISABLED.contains(code)) {
            message = "the region may not be enabled for this account: " + message;
        }
        return EvidenceGap.in(region, operation.wireName(), code, message, access.account());
    }

    /** Codes with which AWS refuses the credentials themselves, whatever the operation. */
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired");
    private static final Set<String> INVALID = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "SignatureDoesNotMatch", "InvalidAccessKeyId", "IncompleteSignature");

    /**
     * When a failure says the credentials themselves are missing, expired or invalid: the cause and its fix in one
     * short line (never the SDK's provider chain). Empty for any other failure.
     */
    static Optional<String> credentialProblem(Throwable failure) {
        String profile = Optional.ofNullable(System.getProperty("aws.profile"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_PROFILE"))).orElse("default");
        String text = String.valueOf(failure.getMessage());
        if (text.contains("SSO session") || text.contains("aws sso login") || text.contains("SSO token")) {
            return Optional.of("the SSO session of profile '" + profile + "' has expired or is not signed in: run "
                    + "aws sso login --profile " + profile);
        }
        if (failure instanceof SdkClientException && !(failure instanceof AwsServiceException)
                && text.contains("Unable to load credentials")) {
            return Optional.of("no AWS credentials found: set AWS_PROFILE (after aws sso login or aws configure) or "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a role provides them");
        }
        String code = code(failure);
        if (EXPIRED.contains(code)) {
            return Optional.of("the AWS credentials have expired (" + code + "): refresh them (aws sso login --profile "
                    + profile + ", or new temporary keys) and run again");
        }
        if (INVALID.contains(code)) {
            return Optional.of("AWS does not accept these credentials (" + code + "): check the profile ('" + profile
                    + "') or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN");
        }
        return Optional.empty();
    }

    public static String code(Throwable failure) {
        if (causedBy(failure, ResponseBound.TooLarge.class)) {
            return "ResponseTooLarge";
        }
        if (causedBy(failure, com.quotadoctor.domain.BadInputException.class)) {
            return "MalformedResponse"; // a 200 whose item lacks or misshapes a field AWS always sends
        }
        if (failure instanceof AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return code == null || code.isBlank() ? "HTTP" + e.statusCode() : code;
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException
                || causedBy(failure, java.net.SocketTimeoutException.class)) {
            return "Timeout";
        }
        if (failure instanceof EmptyResponseException) {
            return "MalformedResponse";
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

    public static String message(Throwable failure) {
        Throwable named = cause(failure, ResponseBound.TooLarge.class)
                .or(() -> cause(failure, com.quotadoctor.domain.BadInputException.class)).orElse(failure);
        if (named != failure) {
            return com.quotadoctor.domain.Text.oneLine(named.getMessage(), LONGEST_MESSAGE);
        }
        String text = failure instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage()
                : Optional.ofNullable(failure.getMessage()).orElse(failure.getClass().getSimpleName());
        return com.quotadoctor.domain.Text.oneLine(text.lines().findFirst().orElse(""), LONGEST_MESSAGE);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type).isPresent();
    }

    private static Optional<Throwable> cause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
