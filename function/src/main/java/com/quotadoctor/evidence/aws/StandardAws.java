package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Capture;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.time.Clock;
import java.util.Optional;

/**
 * Live collection configured the standard AWS SDK way: the default credential chain (environment,
 * profiles, SSO, container and instance roles), the configured region, and the SDK's own endpoint
 * settings ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>}).
 */
public final class StandardAws {

    private StandardAws() {
    }

    /** The region the SDK is configured with, if any. */
    public static Optional<String> configuredRegion() {
        try {
            return Optional.of(DefaultAwsRegionProviderChain.builder().build().getRegion().id());
        } catch (SdkClientException e) {
            return Optional.empty();
        }
    }

    /**
     * @param keepCatalogue keep each region's default catalogue for a day in the user's cache directory
     * @param progress      told as each region's read completes
     * @throws CredentialsRejectedException when no credentials can be found: one clear line, not a gap per call
     */
    public static Capture collect(CollectionSettings settings, DiagnosisRequest request, boolean keepCatalogue,
                                  LiveCollector.Progress progress) {
        try (DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
            try {
                credentials.resolveCredentials();
            } catch (SdkClientException e) {
                throw new CredentialsRejectedException(AwsFailure.credentialProblem(e).orElse(
                        "no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"), e);
            }
            try (AwsClients clients = new AwsClients(settings, Optional.empty())) {
                Clock clock = Clock.systemUTC();
                DefaultCatalogue catalogue = keepCatalogue
                        ? DefaultCatalogue.inDirectory(DefaultCatalogue.userCacheDirectory(), clock)
                        : DefaultCatalogue.inMemory(clock);
                return new LiveCollector(clients, credentials, settings, clock, catalogue).collect(request, progress);
            }
        }
    }
}
