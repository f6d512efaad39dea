package com.quotadoctor.stub;

import com.github.tomakehurst.wiremock.WireMockServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** S3's REST wire on a local WireMock, and an S3 client addressing it. */
public final class LocalS3 implements AutoCloseable {

    private final WireMockServer server;
    private final S3Client client;

    public LocalS3() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        // path style only because the stub is localhost; deployed, the SDK addresses the bucket as AWS recommends
        client = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                .endpointOverride(URI.create("http://localhost:" + server.port()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTUB", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public WireMockServer server() {
        return server;
    }

    public S3Client client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
