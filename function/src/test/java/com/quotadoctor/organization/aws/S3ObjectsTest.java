package com.quotadoctor.organization.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The results bucket on S3's REST wire: GetObject and PutObject on the configured bucket only, S3's own errors. */
class S3ObjectsTest {

    private com.quotadoctor.stub.LocalS3 local;
    private WireMockServer server;
    private S3Client s3;

    @BeforeEach
    void start() {
        local = new com.quotadoctor.stub.LocalS3();
        server = local.server();
        s3 = local.client();
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void readsAndWritesKeysOfItsOwnBucket() {
        server.stubFor(get(urlEqualTo("/quota-doctor-results/results/run/manifest.json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"").withBody("{\"ResultFiles\":{}}")));
        server.stubFor(put(urlEqualTo("/quota-doctor-results/sweeps/s1/accounts.json"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")));
        S3Objects bucket = new S3Objects(s3, "quota-doctor-results");

        assertThat(bucket.read("results/run/manifest.json")).isEqualTo("{\"ResultFiles\":{}}");
        bucket.write("sweeps/s1/accounts.json", "[{\"memberAccount\":\"111111111111\"}]");

        server.verify(putRequestedFor(urlEqualTo("/quota-doctor-results/sweeps/s1/accounts.json"))
                .withHeader("Content-Type", equalTo("application/json"))
                // S3's wire: the body aws-chunked, signed per chunk, with a trailing CRC32 checksum
                .withRequestBody(containing("[{\"memberAccount\":\"111111111111\"}]"))
                .withRequestBody(containing("x-amz-checksum-crc32:")));
    }

    @Test
    void aMissingKeyIsS3sNoSuchKey() {
        server.stubFor(get(urlEqualTo("/quota-doctor-results/sweeps/s1/accounts.json"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/xml")
                        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The "
                                + "specified key does not exist.</Message><Key>sweeps/s1/accounts.json</Key>"
                                + "<RequestId>4442587FB7D0A2F9</RequestId><HostId>stub</HostId></Error>")));

        assertThatThrownBy(() -> new S3Objects(s3, "quota-doctor-results").read("sweeps/s1/accounts.json"))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aFileBeyondTheBoundIsRefusedUnreadNotLoaded() {
        server.stubFor(get(urlEqualTo("/quota-doctor-results/results/run/SUCCEEDED_0.json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + "{\"Status\":\"SUCCEEDED\"},".repeat(1000) + "{}]")));

        assertThatThrownBy(() -> new S3Objects(s3, "quota-doctor-results", 4096).read("results/run/SUCCEEDED_0.json"))
                .hasMessage("larger than 4096 bytes; not read");
        assertThat(new S3Objects(s3, "quota-doctor-results", 64 * 1024).read("results/run/SUCCEEDED_0.json"))
                .startsWith("[{\"Status\"");
    }
}
