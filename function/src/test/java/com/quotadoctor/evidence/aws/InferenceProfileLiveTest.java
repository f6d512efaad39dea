package com.quotadoctor.evidence.aws;

import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.diagnosis.FindingCode;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.domain.RegionEvidence;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.evidence.SnapshotWriter;
import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.StubAccount;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubFault;
import com.quotadoctor.stub.StubWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application inference profiles resolved at the wire: Bedrock's GetInferenceProfile (REST JSON) read once per
 * profile, the calls judged against what the profile copies, and a replayed capture diagnosing alike.
 */
class InferenceProfileLiveTest {

    private static final String REGION = "us-east-1";
    private static final String MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private static final String ON_DEMAND_TPM = "On-demand model inference tokens per minute for Anthropic Claude 3.5 Sonnet";
    private static final String CROSS_REGION_TPM = "Cross-region model inference tokens per minute for Anthropic Claude 3.5 Sonnet";
    private static final String TOO_MANY_TOKENS = "Too many tokens, please wait before trying again.";

    /** Calls through an application profile that copies the foundation model; the increase is on the cross-region quota. */
    private static StubAccount account(String[] profileArn) {
        StubAccount home = StubAccount.home(StubWorld.HOME);
        StubAccount.RegionData east = home.region(REGION);
        east.quota("L-A50569E5", ON_DEMAND_TPM, 400_000.0, 400_000, false);
        east.quota("L-479B647F", CROSS_REGION_TPM, 1_000_000.0, 800_000, true);
        east.quota("L-FF8B4E28", "Cross-Region model inference tokens per minute for Anthropic Claude 3.5 Sonnet V2",
                800_000.0, 800_000, true);
        east.request("req-cross-region", "L-479B647F", CROSS_REGION_TPM, 1_000_000, "APPROVED",
                StubWorld.NOW.minus(Duration.ofDays(3)), StubWorld.NOW.minus(Duration.ofDays(3)));
        profileArn[0] = east.applicationProfile("a1b2c3d4e5f6", "team-search-claude",
                "arn:aws:bedrock:" + REGION + "::foundation-model/" + MODEL);
        for (int i = 0; i < 5; i++) {
            east.call(StubWorld.NOW.minus(Duration.ofMinutes(10 - i)), "InvokeModel", profileArn[0],
                    "ThrottlingException", TOO_MANY_TOKENS);
        }
        return home;
    }

    private static DiagnosisRequest request(String profileArn) {
        return new DiagnosisRequest(Optional.of(StubWorld.HOME), List.of(REGION), List.of(ModelId.parse(profileArn)),
                Optional.empty(), Optional.empty(), new ErrorSignal(Optional.of("ThrottlingException"),
                Optional.of(TOO_MANY_TOKENS)), 1, Optional.empty());
    }

    @Test
    void resolvesTheProfileOnceAndJudgesWhatItCopies() {
        String[] arn = new String[1];
        StubAccount home = account(arn);
        try (StubAws aws = new StubAws(home)) {
            Capture capture = LiveRun.collect(aws, StubWorld.settings(List.of(REGION)), request(arn[0]));

            assertThat(aws.calls("GetInferenceProfile")).isEqualTo(1);
            RegionEvidence east = capture.regions().get(REGION).evidence();
            assertThat(east.has(EvidenceSection.INFERENCE_PROFILES)).isTrue();
            assertThat(east.inferenceProfiles()).singleElement().satisfies(p -> {
                assertThat(p.arn()).isEqualTo(arn[0]);
                assertThat(p.name()).contains("team-search-claude");
                assertThat(p.copies()).hasValueSatisfying(m -> {
                    assertThat(m.family()).isEqualTo(InferenceFamily.ON_DEMAND);
                    assertThat(m.invokedId()).isEqualTo(MODEL);
                });
            });

            Diagnosis live = Diagnostician.standard().diagnose(capture.request(), capture.evidence());
            assertThat(live.verdict()).isEqualTo(FindingCode.INFERENCE_TYPE_MISMATCH);
            assertThat(live.top().evidence()).containsEntry("modelId", MODEL)
                    .containsEntry("governingQuotaCode", "L-A50569E5");
            assertThat(live.evidenceGaps()).noneMatch(g -> g.code().equals("UnresolvedModel"));

            Snapshot replayed = new SnapshotReader().read(new SnapshotWriter().write(capture));
            Diagnosis again = Diagnostician.standard().diagnose(replayed.request(), replayed.evidence());
            assertThat(again.verdict()).isEqualTo(live.verdict());
            assertThat(again.fingerprint()).isEqualTo(live.fingerprint());
        }
    }

    @Test
    void aProfileThatCannotBeReadIsAGapNamingItAndTheRestIsKept() {
        String[] arn = new String[1];
        StubAccount home = account(arn);
        try (StubAws aws = new StubAws(home).fault(StubFault.error("GetInferenceProfile", 403, "AccessDeniedException",
                "User is not authorized to perform: bedrock:GetInferenceProfile"))) {
            Capture capture = LiveRun.collect(aws, StubWorld.settings(List.of(REGION)), request(arn[0]));

            RegionEvidence east = capture.regions().get(REGION).evidence();
            assertThat(east.inferenceProfiles()).isEmpty();
            assertThat(east.errors()).anySatisfy(g -> {
                assertThat(g.source()).isEqualTo("GetInferenceProfile");
                assertThat(g.code()).isEqualTo("AccessDeniedException");
                assertThat(g.message()).contains(arn[0]);
            });
            assertThat(east.has(EvidenceSection.FAILED_CALLS)).isTrue();
            Diagnosis d = Diagnostician.standard().diagnose(capture.request(), capture.evidence());
            assertThat(d.evidenceGaps()).anySatisfy(g -> assertThat(g.code()).isEqualTo("UnresolvedModel"));
        }
    }
}
