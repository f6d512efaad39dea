package com.quotadoctor.workflow;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.trigger.EventTable;

import com.quotadoctor.notification.aws.S3ReportStore;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** The deployed diagnosis keeps its HTML report in the reports bucket (S3's REST wire) and links it, never losing a finding. */
class DiagnoseStepReportTest {

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

    private StepOutcome.Diagnosed run() {
        DiagnoseStep step = new DiagnoseStep(r -> new SnapshotReader().read(EventTable.EVENTS.resolve("snapshots")
                .resolve("region-mismatch.json")), MemberEvidence.NONE, RunLedger.NONE, java.time.Clock.systemUTC(),
                Diagnostician.standard(), Configuration.local(), Telemetry.NONE,
                new S3ReportStore(s3, "quota-doctor-reports", "us-east-1"));
        String event = EventTable.rows().stream().filter(r -> r.file().equals("on-demand.json")).findFirst()
                .orElseThrow().text();
        return (StepOutcome.Diagnosed) step.run(event);
    }

    @Test
    void theReportIsKeptAndTheNotificationLinksItsConsolePage() {
        server.stubFor(put(urlPathMatching("/quota-doctor-reports/reports/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")));

        StepOutcome.Diagnosed outcome = run();

        List<LoggedRequest> puts = server.findAll(anyRequestedFor(anyUrl()));
        assertThat(puts).singleElement().satisfies(p -> {
            assertThat(p.getUrl()).matches("/quota-doctor-reports/reports/2026-11-25/[0-9a-f]{32}-1\\.html");
            assertThat(p.getHeader("Content-Type")).isEqualToIgnoringCase("text/html; charset=utf-8");
            String html = new String(p.getBody(), StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(html).selectFirst("h1").text()).isEqualTo("Quota Doctor verdict: REGION_MISMATCH");
        });
        String key = puts.get(0).getUrl().substring("/quota-doctor-reports/".length());
        assertThat(outcome.notification().text()).endsWith("https://us-east-1.console.aws.amazon.com/s3/object/"
                + "quota-doctor-reports?region=us-east-1&bucketType=general&prefix=" + key.replace("/", "%2F"));
    }

    @Test
    void aReportThatCannotBeKeptCostsTheLinkNotTheDiagnosis() {
        server.stubFor(put(urlPathMatching("/.*")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml").withBody("<Error><Code>AccessDenied</Code>"
                        + "<Message>Access Denied</Message></Error>")));

        StepOutcome.Diagnosed outcome = run();

        assertThat(outcome.diagnosis().verdict().name()).isEqualTo("REGION_MISMATCH");
        assertThat(outcome.notification().text()).doesNotContain("console.aws.amazon.com/s3");
    }
}
