package com.quotadoctor.cli;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.aws.AwsClients;
import com.quotadoctor.evidence.aws.CollectionSettings;
import com.quotadoctor.evidence.aws.LiveCollector;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How live evidence is collected, as flags: shared by {@code diagnose} (without a snapshot) and {@code capture}.
 * Credentials, region and endpoints come from the standard AWS SDK configuration.
 */
final class CollectionOptions {

    @Option(names = "--scan-region", paramLabel = "REGION",
            description = "Region to read besides the workload's (repeatable; default: the 17 Bedrock regions that need no opt-in).")
    List<String> scanRegions = new ArrayList<>();

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "Read-only role to assume in another account (repeatable).")
    List<String> roleArns = new ArrayList<>();

    @Option(names = "--probe",
            description = "Also make one minimal model call (1 output token) per workload region and model.")
    boolean probe;

    @Option(names = "--home-region", paramLabel = "REGION",
            description = "Where STS is called (default: the SDK's configured region, else us-east-1).")
    String homeRegion;

    Capture collect(DiagnosisRequest request) {
        CollectionSettings settings = settings();
        try (DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
            try {
                credentials.resolveCredentials();
            } catch (SdkClientException e) {
                // one clear line instead of a gap for every operation in every region
                throw new IllegalArgumentException("no AWS credentials found (profile, environment or role): "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
            try (AwsClients clients = new AwsClients(settings, Optional.empty())) {
                return new LiveCollector(clients, credentials, settings, Clock.systemUTC()).collect(request);
            }
        }
    }

    CollectionSettings settings() {
        CollectionSettings home = flag("--home-region", () -> CollectionSettings.defaults(home()));
        CollectionSettings scanned = flag("--scan-region", () -> home.withScanRegions(scanRegions.isEmpty()
                ? CollectionSettings.BEDROCK_REGIONS : scanRegions));
        return flag("--role-arn", () -> scanned.withRoles(roleArns)).withProbe(probe);
    }

    /** Runs a validation, naming the flag in its complaint. */
    private static <T> T flag(String name, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private String home() {
        if (homeRegion != null) {
            return homeRegion;
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion().id();
        } catch (SdkClientException e) {
            return "us-east-1";
        }
    }
}
