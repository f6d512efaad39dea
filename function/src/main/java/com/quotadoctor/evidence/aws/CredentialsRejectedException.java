package com.quotadoctor.evidence.aws;

/**
 * The credentials are missing, expired or refused: nothing else can be read, so the run stops at once with one
 * line naming the cause and the fix, instead of one evidence gap per call. A bad-input failure to the CLI (exit 2).
 */
public final class CredentialsRejectedException extends com.quotadoctor.domain.BadInputException {

    CredentialsRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
