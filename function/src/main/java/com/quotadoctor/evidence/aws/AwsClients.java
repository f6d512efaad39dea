package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.Operation;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every AWS client of a collection, built once per service, region and account, all on one small HTTP
 * client. Each has an explicit region, adaptive retry and timeouts; calls are spaced by a {@link Pacer} per
 * operation. Without an endpoint
 * override the SDK's standard configuration applies unchanged ({@code AWS_ENDPOINT_URL},
 * {@code AWS_ENDPOINT_URL_<SERVICE>}, profiles).
 */
public final class AwsClients implements AutoCloseable {

    private final SdkHttpClient http;
    private final Optional<URI> endpoint;
    private final CollectionSettings settings;
    private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();
    private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();
    private final ResponseBound bound = new ResponseBound();

    /** @param endpoint one endpoint for every service (a local stub); empty for AWS's own */
    public AwsClients(CollectionSettings settings, Optional<URI> endpoint) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(settings.attemptTimeout())
                .build();
    }

    ServiceQuotasClient serviceQuotas(Access access, String region) {
        return client("servicequotas", access, region, ServiceQuotasClient::builder);
    }

    CloudWatchClient cloudWatch(Access access, String region) {
        return client("monitoring", access, region, CloudWatchClient::builder);
    }

    CloudTrailClient cloudTrail(Access access, String region) {
        return client("cloudtrail", access, region, CloudTrailClient::builder);
    }

    BedrockRuntimeClient bedrockRuntime(Access access, String region) {
        // one attempt: a probe reports the throttle it meets instead of retrying it away
        return client("bedrock-runtime", access, region, BedrockRuntimeClient::builder);
    }

    BedrockClient bedrock(Access access, String region) {
        return client("bedrock", access, region, BedrockClient::builder);
    }

    StsClient sts(Access access, String region) {
        return client("sts", access, region, StsClient::builder);
    }

    /** Builds every client collection uses in a region, without calling AWS (SnapStart priming). */
    void prepare(Access access, String region) {
        serviceQuotas(access, region);
        cloudWatch(access, region);
        cloudTrail(access, region);
        sts(access, region);
    }

    /** The pacer of one operation in one region and account: AWS's rates apply per each. */
    Pacer pacer(Access access, String region, Operation operation) {
        return pacers.computeIfAbsent(operation + " " + region + " " + access.key(), k -> Pacer.forOperation(operation));
    }

    /** A whole paged list, its calls paced per operation, region and account: AWS's rates apply per each. */
    <T> Pages.Listing<T> list(Access access, String region, Operation operation, int maxPages,
                              Function<String, Pages.Page<T>> call) {
        return Pages.read(region, operation, access, pacer(access, region, operation), maxPages, call);
    }

    @SuppressWarnings("unchecked")
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C client(
            String service, Access access, String region, Supplier<B> builder) {
        return (C) clients.computeIfAbsent(service + " " + region + " " + access.key(),
                k -> build(builder.get(), access.credentials(), region, service.equals("bedrock-runtime") ? 1
                        : settings.maxAttempts()));
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, AwsCredentialsProvider credentials, String region, int attempts) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(o -> o
                        .addExecutionInterceptor(bound)
                        .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                                .maxAttempts(attempts).build())
                        .apiCallAttemptTimeout(settings.attemptTimeout())
                        .apiCallTimeout(settings.callTimeout()));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public void close() {
        clients.values().forEach(SdkAutoCloseable::close);
        http.close();
    }
}
