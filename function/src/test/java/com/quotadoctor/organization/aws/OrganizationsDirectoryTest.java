package com.quotadoctor.organization.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.quotadoctor.organization.AccountFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AWS Organizations on its wire (JSON 1.1, {@code X-Amz-Target: AWSOrganizationsV20161128.*}), answered in the shapes
 * of the API Reference: ListAccounts' example response (Arn, Email, Id, JoinedMethod, JoinedTimestamp, Name, Status),
 * with the newer {@code State} AWS added beside {@code Status} (Account data type: PENDING_ACTIVATION, ACTIVE,
 * SUSPENDED, PENDING_CLOSURE, CLOSED).
 */
class OrganizationsDirectoryTest {

    private static final String TARGET = "AWSOrganizationsV20161128.";

    private WireMockServer server;
    private OrganizationsClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        client = OrganizationsClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://localhost:" + server.port()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTUB", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    private void answer(String operation, String bodyContains, String json) {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + operation))
                .withRequestBody(containing(bodyContains))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json)));
    }

    private static String account(String id, String status, String state) {
        return "{\"Arn\":\"arn:aws:organizations::111111111111:account/o-exampleorgid/" + id + "\",\"Email\":\"" + id
                + "@example.com\",\"Id\":\"" + id + "\",\"JoinedMethod\":\"INVITED\",\"JoinedTimestamp\":1481830215.45,"
                + "\"Name\":\"Account " + id + "\",\"Status\":\"" + status + "\"" + (state == null ? "" : ",\"State\":\"" + state + "\"") + "}";
    }

    @Test
    void everyPageOfTheOrganisationIsReadAndOnlyActiveAccountsKept() {
        answer("ListAccounts", "{}", "{\"Accounts\":[" + account("111111111111", "ACTIVE", null) + ","
                + account("222222222222", "SUSPENDED", null) + "],\"NextToken\":\"page-2\"}");
        answer("ListAccounts", "page-2", "{\"Accounts\":[" + account("333333333333", "ACTIVE", "ACTIVE") + ","
                + account("444444444444", "ACTIVE", "PENDING_CLOSURE") + "," + account("555555555555", "ACTIVE", "CLOSED")
                + "]}");

        List<String> accounts = new OrganizationsDirectory(client).activeAccounts(AccountFilter.ALL);

        // State wins where AWS sends it: an account closing is not read, whatever the retiring Status says
        assertThat(accounts).containsExactly("111111111111", "333333333333");
        server.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "ListAccounts")));
    }

    @Test
    void underChosenUnitsNestedOusAreWalkedAndATagFiltersTheAccounts() {
        answer("ListAccountsForParent", "r-examplerootid111", "{\"Accounts\":[" + account("111111111111", "ACTIVE", "ACTIVE") + "]}");
        answer("ListOrganizationalUnitsForParent", "r-examplerootid111", "{\"OrganizationalUnits\":[{\"Id\":"
                + "\"ou-examplerootid111-exampleouid111\",\"Arn\":\"arn:aws:organizations::111111111111:ou/o-exampleorgid/"
                + "ou-examplerootid111-exampleouid111\",\"Name\":\"workloads\"}]}");
        answer("ListAccountsForParent", "ou-examplerootid111-exampleouid111", "{\"Accounts\":["
                + account("222222222222", "ACTIVE", "ACTIVE") + "," + account("333333333333", "ACTIVE", "ACTIVE") + "]}");
        answer("ListOrganizationalUnitsForParent", "ou-examplerootid111-exampleouid111", "{\"OrganizationalUnits\":[]}");
        answer("ListTagsForResource", "111111111111", "{\"Tags\":[{\"Key\":\"bedrock\",\"Value\":\"prod\"}]}");
        answer("ListTagsForResource", "222222222222", "{\"Tags\":[{\"Key\":\"bedrock\",\"Value\":\"dev\"}]}");
        answer("ListTagsForResource", "333333333333", "{\"Tags\":[]}");

        List<String> accounts = new OrganizationsDirectory(client).activeAccounts(
                new AccountFilter(List.of("r-examplerootid111"), Optional.of("bedrock=prod")));
        List<String> anyValue = new OrganizationsDirectory(client).activeAccounts(
                new AccountFilter(List.of("r-examplerootid111"), Optional.of("bedrock")));

        assertThat(accounts).containsExactly("111111111111");
        assertThat(anyValue).containsExactly("111111111111", "222222222222");
    }

    @Test
    void aTokenThatComesBackIsAnErrorNotALoop() {
        answer("ListAccounts", "{", "{\"Accounts\":[],\"NextToken\":\"same\"}");

        assertThatThrownBy(() -> new OrganizationsDirectory(client).activeAccounts(AccountFilter.ALL))
                .hasMessage("the same page token came back twice");
    }

    @Test
    void aTokenThatNeverEndsStopsAtTheListingsBudgetNotAfterHours() {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "ListAccounts"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Accounts\":[],\"NextToken\":\"{{randomValue length=24 type='ALPHANUMERIC'}}\"}")
                        .withTransformers("response-template")));

        assertThatThrownBy(() -> new OrganizationsDirectory(client, java.time.Duration.ofSeconds(1))
                .activeAccounts(AccountFilter.ALL))
                .isInstanceOf(OrganizationsDirectory.ListingException.class)
                .hasMessageStartingWith("the accounts were not all listed within 1 s (");
    }

    @Test
    void awsOwnListAccountsExampleYieldsItsFourActiveAccounts() throws Exception {
        answer("ListAccounts", "{", java.nio.file.Files.readString(java.nio.file.Path.of("..", "events", "organization",
                "list-accounts.json")));

        assertThat(new OrganizationsDirectory(client).activeAccounts(AccountFilter.ALL))
                .containsExactly("111111111111", "222222222222", "333333333333", "444444444444");
    }
}
