package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.AccountId;
import com.quotadoctor.domain.CallerIdentity;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.util.Optional;

/** STS: who collects, and the read-only role of each extra account, assumed once per collection. */
final class IdentityPort {

    private static final String SESSION_NAME = "quota-doctor";
    /** The shortest session STS grants; a collection takes seconds. */
    private static final int SESSION_SECONDS = 900;

    private final AwsClients clients;
    private final String homeRegion;

    IdentityPort(AwsClients clients, String homeRegion) {
        this.clients = clients;
        this.homeRegion = homeRegion;
    }

    CallerIdentity caller(Access access) {
        var identity = clients.sts(access, homeRegion).getCallerIdentity(b -> { });
        EmptyResponseException.requirePresent(AccountId.isValid(identity.account()), com.quotadoctor.domain.Operation.GET_CALLER_IDENTITY,
                "an Account");
        return new CallerIdentity(identity.account(), Optional.ofNullable(identity.arn()).orElse(""),
                Optional.ofNullable(identity.userId()).orElse(""));
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException when the role cannot be assumed */
    Access assume(Access home, String roleArn) {
        var credentials = clients.sts(home, homeRegion).assumeRole(b -> b.roleArn(roleArn)
                .roleSessionName(SESSION_NAME).durationSeconds(SESSION_SECONDS)).credentials();
        return new Access(CollectionSettings.accountOf(roleArn), StaticCredentialsProvider.create(
                AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken())));
    }
}
