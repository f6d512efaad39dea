package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Capture;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
        return withCollector(settings, keepCatalogue, collector -> collector.collect(request, progress));
    }

    /** A collector on the default credential chain, the credentials resolved first: none found is one clear line. */
    private static <T> T withCollector(CollectionSettings settings, boolean keepCatalogue, Function<LiveCollector, T> work) {
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
                return work.apply(new LiveCollector(clients, credentials, settings, clock, catalogue));
            }
        }
    }

    /**
     * Every member account of an organisation, each read alone through its member role ({@code roleName}; the caller's
     * own account with its own credentials), {@code inFlight} accounts at once: AWS's rates are per account, so this
     * bounds the caller's threads and connections, not any account's rate. One account's failure is that account's
     * gap.
     *
     * @param progress told as each account's read completes (done, total)
     * @throws CredentialsRejectedException when no credentials can be found
     */
    public static Map<String, Capture> collectMembers(CollectionSettings settings, DiagnosisRequest request,
                                                     List<String> accounts, String roleName, int inFlight,
                                                     boolean keepCatalogue, LiveCollector.Progress progress) {
        return withCollector(settings, keepCatalogue,
                collector -> members(collector, request, accounts, roleName, inFlight, progress));
    }

    /** The fan-out itself, over any collector: {@code inFlight} accounts at once, results in the accounts' order. */
    static Map<String, Capture> members(LiveCollector collector, DiagnosisRequest request, List<String> accounts,
                                        String roleName, int inFlight, LiveCollector.Progress progress) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, inFlight),
                runnable -> {
                    Thread thread = new Thread(runnable, "account");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            Map<String, java.util.concurrent.Future<Capture>> reads = new java.util.LinkedHashMap<>();
            for (String account : accounts) {
                reads.put(account, pool.submit(() -> {
                    try {
                        return collector.collectMemberOrRecord(request, account, roleName);
                    } finally {
                        progress.completed(done.incrementAndGet(), accounts.size());
                    }
                }));
            }
            Map<String, Capture> captures = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, java.util.concurrent.Future<Capture>> read : reads.entrySet()) {
                captures.put(read.getKey(), read.getValue().get());
            }
            return captures;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("organisation read interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
