package com.quotadoctor.evidence.aws;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.diagnosis.FindingCode;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubFault;
import com.quotadoctor.stub.StubWorld;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Identity first: credentials AWS refuses stop the run after one call, said once; a failure met everywhere is one gap. */
class IdentityFirstTest {

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");

    @Test
    void expiredCredentialsStopTheRunAfterOneCallWithOneLine() {
        try (StubAws aws = new StubAws(StubWorld.home(REGIONS)).fault(StubFault.error("GetCallerIdentity", 403,
                "ExpiredToken", "The security token included in the request is expired"))) {
            CredentialsRejectedException e = catchThrowableOfType(CredentialsRejectedException.class,
                    () -> LiveRun.collect(aws, StubWorld.settings(REGIONS)));

            assertThat(e.getMessage()).startsWith("the AWS credentials have expired (ExpiredToken): refresh them")
                    .contains("aws sso login --profile").doesNotContain("\n");
            assertThat(aws.callsPerOperation()).containsExactly(java.util.Map.entry("GetCallerIdentity", 1));
        }
    }

    @Test
    void invalidCredentialsNameWhatToCheck() {
        try (StubAws aws = new StubAws(StubWorld.home(REGIONS)).fault(StubFault.error("GetCallerIdentity", 403,
                "InvalidClientTokenId", "The security token included in the request is invalid."))) {
            CredentialsRejectedException e = catchThrowableOfType(CredentialsRejectedException.class,
                    () -> LiveRun.collect(aws, StubWorld.settings(REGIONS)));

            assertThat(e.getMessage()).contains("InvalidClientTokenId").contains("AWS_ACCESS_KEY_ID");
            assertThat(aws.callsPerOperation().keySet()).containsExactly("GetCallerIdentity");
        }
    }

    @Test
    void theFunctionSaysItAsOneIncompleteEvidenceFinding() {
        try (StubAws aws = new StubAws(StubWorld.home(REGIONS)).fault(StubFault.error("GetCallerIdentity", 403,
                "ExpiredToken", "The security token included in the request is expired"));
             AwsClients clients = new AwsClients(StubWorld.settings(REGIONS), Optional.of(aws.endpoint()))) {
            Capture capture = new LiveCollector(clients, LiveRun.credentials(), StubWorld.settings(REGIONS), StubWorld.CLOCK)
                    .collectOrRecord(StubWorld.request());

            Diagnosis d = Diagnostician.standard().diagnose(capture.request(), capture.evidence());

            assertThat(d.verdict()).isEqualTo(FindingCode.INCOMPLETE_EVIDENCE);
            assertThat(d.findings()).hasSize(1);
            assertThat(d.evidenceGaps()).singleElement().satisfies(g -> {
                assertThat(g.code()).isEqualTo(EvidenceGap.CREDENTIALS_REJECTED);
                assertThat(g.message()).contains("expired");
            });
            assertThat(d.plan()).singleElement().satisfies(s -> assertThat(s.action()).contains("aws sso login"));
        }
    }

    @Test
    void theSameRefusalInEveryRegionIsOneGapListingThem() {
        try (StubAws aws = new StubAws(StubWorld.home(REGIONS)).fault(StubFault.error("ListServiceQuotas", 400,
                "AccessDeniedException", "User is not authorized to perform: servicequotas:ListServiceQuotas"))) {
            Capture capture = LiveRun.collect(aws, StubWorld.settings(REGIONS).withQuotasEverywhere(true));

            Diagnosis d = Diagnostician.standard().diagnose(capture.request(), capture.evidence());

            assertThat(d.evidenceGaps()).filteredOn(g -> g.source().equals("ListServiceQuotas")).singleElement()
                    .satisfies(g -> {
                        assertThat(g.region().split(",")).containsExactlyInAnyOrderElementsOf(REGIONS);
                        // the regions are listed once, by the gap itself, never again in its message
                        assertThat(g.message()).isEqualTo("User is not authorized to perform: servicequotas:ListServiceQuotas")
                                .doesNotContain("us-east-1");
                    });
        }
    }
}
