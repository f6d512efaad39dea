package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.GapKind;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A decided request whose quota was not read is not judged silently: the diagnosis says what is missing. */
class UnjudgeableRequestTest {

    private static final String SNAPSHOT = """
            {"schemaVersion": 1, "capturedAt": "2026-11-25T10:00:00Z",
             "caller": {"Account": "111122223333", "Arn": "arn:aws:sts::111122223333:assumed-role/r/x", "UserId": "AROA:x"},
             "request": {"regions": ["us-east-1"], "requestId": "e4292098c6135c804c6ce11f5aba1793"},
             "regions": {"us-east-1": {
               "serviceQuotas": [], "quotasReadByCode": ["L-3D8CC480"],
               "defaultQuotas": [
                 {"ServiceCode": "bedrock", "QuotaCode": "L-F4DDD3EB", "Value": 200000.0,
                  "QuotaName": "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1"}],
               "requestedChanges": [
                 {"Id": "e4292098c6135c804c6ce11f5aba1793", "ServiceCode": "bedrock", "QuotaCode": "L-F4DDD3EB",
                  "QuotaName": "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1",
                  "DesiredValue": 400000.0, "Status": "APPROVED", "Created": 1764000000, "LastUpdated": 1764003600,
                  "QuotaArn": "arn:aws:servicequotas:us-east-1:111122223333:bedrock/L-F4DDD3EB"}],
               "metrics": [], "failedCalls": []}}}
            """;

    @Test
    void anApprovedRequestWhoseQuotaWasNotReadIsAGapWithItsAdvice() {
        Snapshot s = new SnapshotReader().read(SNAPSHOT);

        Diagnosis d = Diagnostician.standard().diagnose(s.request(), s.evidence());

        assertThat(d.evidenceGaps()).filteredOn(g -> g.kind() == GapKind.UNJUDGEABLE_REQUEST).singleElement()
                .satisfies(g -> {
                    assertThat(g.code()).isEqualTo(EvidenceGap.UNJUDGEABLE_REQUEST);
                    assertThat(g.message()).contains("e4292098c6135c804c6ce11f5aba1793", "L-F4DDD3EB", "APPROVED",
                            "applied value was not read in us-east-1");
                });
        assertThat(d.findings()).filteredOn(f -> f.code() == FindingCode.INCOMPLETE_EVIDENCE).singleElement()
                .satisfies(f -> assertThat(f.remediation()).anySatisfy(step ->
                        assertThat(step.action()).contains("Read that quota's value")));
    }
}
