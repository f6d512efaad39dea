package com.quotadoctor.evidence.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.util.Optional;

/**
 * Who reads: the collecting account itself, or another account through its read-only role.
 *
 * @param account the other account's id; empty for the collecting account
 */
record Access(Optional<String> account, AwsCredentialsProvider credentials) {

    static Access home(AwsCredentialsProvider credentials) {
        return new Access(Optional.empty(), credentials);
    }

    String key() {
        return account.orElse("home");
    }
}
