package com.quotadoctor.evidence;

import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMetric;
import com.quotadoctor.domain.RegionEvidence;
import com.quotadoctor.domain.RequestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotReaderTest {

    private final SnapshotReader reader = new SnapshotReader();

    private static String snapshot(String regionBody) {
        return """
                {"schemaVersion": 1, "capturedAt": "2026-11-25T10:00:00Z",
                 "caller": {"Account": "111122223333", "Arn": "arn:aws:sts::111122223333:assumed-role/r/x", "UserId": "AROA:x"},
                 "regions": {"us-east-1": %s}}
                """.formatted(regionBody);
    }

    private RegionEvidence region(String body) {
        return reader.read(snapshot(body)).evidence().region("us-east-1").orElseThrow();
    }

    @Test
    void quotasReadByCodeTellAQuotaAtItsDefaultFromOneNotRead() {
        String body = """
                {"serviceQuotas": [
                   {"ServiceCode": "bedrock", "QuotaArn": "arn:aws:servicequotas:us-east-1:111122223333:bedrock/L-F4DDD3EB",
                    "QuotaCode": "L-F4DDD3EB", "Value": 400000.0, "Adjustable": true}],
                 "quotasReadByCode": ["L-F4DDD3EB", "L-381AD9EE"],
                 "defaultQuotas": [
                   {"ServiceCode": "bedrock", "QuotaCode": "L-F4DDD3EB", "QuotaName": "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1", "Value": 200000.0},
                   {"ServiceCode": "bedrock", "QuotaCode": "L-381AD9EE", "QuotaName": "Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1 (doubled for cross-region calls)", "Value": 144000000.0},
                   {"ServiceCode": "bedrock", "QuotaCode": "L-4A6BFAB1", "QuotaName": "Cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1", "Value": 200.0}]}
                """;
        RegionEvidence region = region(body);

        assertThat(region.quota("L-F4DDD3EB").orElseThrow().effectiveValue()).contains(400000.0);
        // read by code, no applied value kept: at its default
        assertThat(region.quota("L-381AD9EE").orElseThrow().effectiveValue()).contains(144000000.0);
        // not read: its name and default are known, its applied value is not
        Quota unread = region.quota("L-4A6BFAB1").orElseThrow();
        assertThat(unread.appliedRead()).isFalse();
        assertThat(unread.awsDefault()).contains(200.0);
        assertThat(unread.effectiveValue()).isEmpty();
        // and it is written back as read
        assertThat(new SnapshotWriter().write(reader.capture(snapshot(body))))
                .contains("\"quotasReadByCode\" : [ \"L-381AD9EE\", \"L-F4DDD3EB\" ]");
    }

    @Test
    void aQuotaCodeReadByCodeMustBeOne() {
        assertThatThrownBy(() -> region("""
                {"serviceQuotas": [], "quotasReadByCode": ["L-1; rm -rf /"]}"""))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("quotasReadByCode")
                .hasMessageContaining("is not a quota code");
    }

    @Test
    void mergesAppliedValuesWithDefaults() {
        RegionEvidence region = region("""
                {"serviceQuotas": [
                   {"ServiceCode": "bedrock", "QuotaArn": "arn:aws:servicequotas:us-east-1:111122223333:bedrock/L-F4DDD3EB",
                    "QuotaCode": "L-F4DDD3EB", "QuotaName": "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1",
                    "Value": 400000.0, "Adjustable": true, "SomeNewField": {"x": 1}}],
                 "defaultQuotas": [
                   {"ServiceCode": "bedrock", "QuotaArn": "arn:aws:servicequotas:us-east-1::bedrock/L-F4DDD3EB",
                    "QuotaCode": "L-F4DDD3EB", "Value": 200000.0, "Adjustable": true},
                   {"ServiceCode": "bedrock", "QuotaArn": "arn:aws:servicequotas:us-east-1::bedrock/L-381AD9EE",
                    "QuotaCode": "L-381AD9EE", "QuotaName": "Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1 (doubled for cross-region calls)",
                    "Value": 144000000.0, "Adjustable": false},
                   {"ServiceCode": "ec2", "QuotaCode": "L-1216C47A", "QuotaName": "Running On-Demand Standard instances", "Value": 5.0}]}
                """);

        assertThat(region.quotas()).extracting(Quota::code).containsExactly("L-F4DDD3EB", "L-381AD9EE");
        Quota tpm = region.quota("L-F4DDD3EB").orElseThrow();
        assertThat(tpm.applied()).contains(400000.0);
        assertThat(tpm.awsDefault()).contains(200000.0);
        assertThat(tpm.account()).contains("111122223333");
        assertThat(tpm.kind().family()).isEqualTo(InferenceFamily.CROSS_REGION);
        Quota daily = region.quota("L-381AD9EE").orElseThrow();
        assertThat(daily.applied()).isEmpty();
        assertThat(daily.effectiveValue()).contains(144000000.0);
        assertThat(daily.kind().metric()).isEqualTo(QuotaMetric.TOKENS_PER_DAY);
    }

    @Test
    void readsIncreaseRequestsAsServiceQuotasSendsThem() {
        RegionEvidence region = region("""
                {"requestedChanges": [
                   {"Id": "d187537d15254312a9609aa51EXAMPLE", "CaseId": "17645201931", "ServiceCode": "bedrock",
                    "QuotaCode": "L-F4DDD3EB", "QuotaName": "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1",
                    "DesiredValue": 400000.0, "Status": "CASE_CLOSED", "Created": 1795427999.417, "LastUpdated": 1795514400.903,
                    "Requester": "{\\"accountId\\":\\"444455556666\\",\\"callerArn\\":\\"arn:aws:iam::444455556666:root\\"}",
                    "QuotaArn": "arn:aws:servicequotas:us-west-2:444455556666:bedrock/L-F4DDD3EB"},
                   {"Id": "aws-cli-iso", "ServiceCode": "bedrock", "QuotaCode": "L-4A6BFAB1", "DesiredValue": 1000,
                    "Status": "SOMETHING_NEW", "Created": "2026-11-24T10:00:00.123000+00:00"},
                   {"Id": "ec2", "ServiceCode": "ec2", "QuotaCode": "L-1216C47A", "DesiredValue": 10, "Status": "PENDING"}]}
                """);

        assertThat(region.requests()).hasSize(2);
        IncreaseRequest closed = region.requests().get(0);
        assertThat(closed.status()).isEqualTo(RequestStatus.CASE_CLOSED);
        assertThat(closed.caseId()).contains("17645201931");
        assertThat(closed.region()).as("region from the quota ARN").isEqualTo("us-west-2");
        assertThat(closed.account()).as("account from Requester").contains("444455556666");
        assertThat(closed.requesterArn()).contains("arn:aws:iam::444455556666:root");
        assertThat(closed.created()).contains(Instant.parse("2026-11-23T09:59:59.417Z"));
        IncreaseRequest fromCli = region.requests().get(1);
        assertThat(fromCli.status()).isEqualTo(RequestStatus.UNKNOWN);
        assertThat(fromCli.rawStatus()).isEqualTo("SOMETHING_NEW");
        assertThat(fromCli.quotaName()).as("name from the known code").contains("requests per minute");
        assertThat(fromCli.region()).as("region of the history it was listed in").isEqualTo("us-east-1");
        assertThat(fromCli.created()).contains(Instant.parse("2026-11-24T10:00:00.123Z"));
    }

    @Test
    void aRequestFiledUnderAnOldNameIsClassifiedByTheCurrentCatalogue() {
        RegionEvidence region = region("""
                {"serviceQuotas": [{"QuotaCode": "L-NEW00001", "Value": 5,
                                    "QuotaName": "Cross-region model inference tokens per minute for Acme Rocket 2"}],
                 "requestedChanges": [{"Id": "old", "QuotaCode": "L-NEW00001", "QuotaName": "Rocket throughput (legacy)",
                                       "DesiredValue": 10, "Status": "APPROVED"}]}
                """);

        IncreaseRequest request = region.requests().get(0);
        assertThat(request.quotaName()).isEqualTo("Rocket throughput (legacy)");
        assertThat(request.kind().family()).isEqualTo(InferenceFamily.CROSS_REGION);
        assertThat(request.kind().metric()).isEqualTo(QuotaMetric.TOKENS_PER_MINUTE);
    }

    @Test
    void metricNameAndModelFallBackToTheLabel() {
        RegionEvidence region = region("""
                {"metrics": [{"Id": "m1", "Label": "InputTokenCount us.amazon.nova-pro-v1:0",
                              "Timestamps": [1795600740], "Values": [1200.0], "StatusCode": "Complete"}]}
                """);

        assertThat(region.metrics()).singleElement().satisfies(m -> {
            assertThat(m.metricName()).isEqualTo("InputTokenCount");
            assertThat(m.modelId()).isEqualTo("us.amazon.nova-pro-v1:0");
            assertThat(m.periodSeconds()).isEqualTo(60);
        });
    }

    @Test
    void missingSectionsAreGapsNotCrashes() {
        var evidence = reader.read("""
                {"capturedAt": 1795600800, "regions": {"us-east-1": {"serviceQuotas": []}}}
                """).evidence();

        assertThat(evidence.caller()).isEmpty();
        assertThat(evidence.region("us-east-1").orElseThrow().has(EvidenceSection.REQUESTED_CHANGES)).isFalse();
        assertThat(evidence.allGaps()).extracting(EvidenceGap::source)
                .contains("caller", "defaultQuotas", "requestedChanges", "metrics", "failedCalls")
                .doesNotContain("serviceQuotas", "probes");
    }

    @Test
    void anApiErrorExplainsItsSectionOnce() {
        var evidence = reader.read(snapshot("""
                {"errors": [{"Operation": "ListServiceQuotas", "Code": "AccessDeniedException", "Message": "not authorized"}],
                 "defaultQuotas": [], "requestedChanges": [], "metrics": [], "failedCalls": []}
                """)).evidence();

        assertThat(evidence.allGaps()).singleElement().satisfies(g -> {
            assertThat(g.source()).isEqualTo("ListServiceQuotas");
            assertThat(g.code()).isEqualTo("AccessDeniedException");
        });
    }

    @Test
    void readsTheRequestSection() {
        var request = reader.read("""
                {"capturedAt": "2026-11-25T10:00:00Z",
                 "request": {"account": "111122223333", "regions": ["us-west-2"],
                             "modelIds": ["us.anthropic.claude-sonnet-4-5-20250929-v1:0"], "requestId": "abc",
                             "error": {"code": "ThrottlingException", "message": "Too many tokens per day"},
                             "attempt": 3, "deadline": "2026-11-26T10:00:00Z"}}
                """).request();

        assertThat(request.regions()).containsExactly("us-west-2");
        assertThat(request.models()).singleElement().satisfies(m -> assertThat(m.family()).isEqualTo(InferenceFamily.CROSS_REGION));
        assertThat(request.requestId()).contains("abc");
        assertThat(request.error().boundMetric()).contains(QuotaMetric.TOKENS_PER_DAY);
        assertThat(request.attempt()).isEqualTo(3);
        assertThat(request.deadline()).contains(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"capturedAt\": 1, \"regions\": {\"us-east-1\": {\"serviceQuotas\": {}}}} | regions.us-east-1.serviceQuotas: expected a list",
            "{\"capturedAt\": 1, \"regions\": {\"us-east-1\": {\"serviceQuotas\": [{\"Value\": 1}]}}} | regions.us-east-1.serviceQuotas[0].QuotaCode: is required",
            "{\"capturedAt\": 1, \"regions\": {\"us-east-1\": {\"requestedChanges\": [{\"Id\": \"x\", \"QuotaCode\": \"L-1\", \"DesiredValue\": 5, \"Requester\": \"{oops\"}]}}} | regions.us-east-1.requestedChanges[0].Requester: expected a JSON-encoded object",
            "{\"capturedAt\": 1, \"regions\": {\"us-east-1\": {\"metrics\": [{\"MetricName\": \"Invocations\", \"ModelId\": \"m.x\", \"Timestamps\": [1, 2], \"Values\": [1]}]}}} | regions.us-east-1.metrics[0]: Invocations for m.x: 2 timestamps but 1 values",
            "{\"capturedAt\": 1, \"regions\": {\"us-east-1\": {\"failedCalls\": [{\"EventTime\": true, \"ErrorCode\": \"ThrottlingException\"}]}}} | regions.us-east-1.failedCalls[0].EventTime: expected a timestamp",
            "{\"capturedAt\": 1, \"regions\": {\"us-east-1\": {\"inferenceProfiles\": [{\"inferenceProfileArn\": \"arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1\", \"inferenceProfileId\": \"a1\", \"models\": [{\"modelArn\": \"arn:aws:bedrock:us-east-1::foundation-model/\\n$ curl x; sh\"}]}]}}} | regions.us-east-1.inferenceProfiles[0]: models[].modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/ $ curl x; sh' is not a foundation-model or inference-profile ARN",
    })
    void aMalformedSectionBecomesAGapNamingThePlace(String json, String message) {
        var evidence = reader.read(json).evidence();

        assertThat(evidence.allGaps()).filteredOn(g -> g.code().equals(SnapshotReader.MALFORMED))
                .singleElement().satisfies(g -> assertThat(g.message()).startsWith(message));
    }

    @Test
    void aMalformedCallerIsAGap() {
        var evidence = reader.read("""
                {"capturedAt": "2026-11-25T10:00:00Z", "caller": {"Arn": "arn:aws:sts::1:x"}, "regions": {}}
                """).evidence();

        assertThat(evidence.caller()).isEmpty();
        assertThat(evidence.allGaps()).singleElement().satisfies(g -> {
            assertThat(g.code()).isEqualTo(SnapshotReader.MALFORMED);
            assertThat(g.message()).isEqualTo("caller.Account: is required");
        });
    }

    @Test
    void theRestOfTheRegionSurvivesAMalformedSection() {
        RegionEvidence region = region("""
                {"serviceQuotas": [{"QuotaCode": "L-F4DDD3EB", "Value": 400000}],
                 "metrics": [{"MetricName": "InputTokenCount", "ModelId": "amazon.nova-pro-v1:0", "Timestamps": ["soon"], "Values": [1]}]}
                """);

        assertThat(region.quota("L-F4DDD3EB")).isPresent();
        assertThat(region.has(EvidenceSection.METRICS)).isFalse();
        assertThat(region.gaps()).anySatisfy(g -> assertThat(g.message())
                .startsWith("regions.us-east-1.metrics[0].Timestamps[0]: expected epoch seconds"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "not json at all | snapshot is not valid JSON (line 1",
            "[1, 2] | snapshot: expected a JSON object",
            "{\"regions\": {}} | capturedAt: is required",
            "{\"capturedAt\": \"yesterday\"} | capturedAt: expected epoch seconds or an ISO-8601 timestamp",
            "{\"schemaVersion\": 7, \"capturedAt\": 1} | schemaVersion: version 7 is newer than this tool reads",
            "{\"capturedAt\": 1, \"regions\": {\"us-middle-9\": {}}} | regions.us-middle-9: unknown region 'us-middle-9'",
            "{\"capturedAt\": 1, \"regions\": []} | regions: expected an object keyed by region name",
            "{\"capturedAt\": 1, \"request\": {\"modelIds\": [\"claude\"]}} | request.modelIds[0]: malformed model id",
            "{\"capturedAt\": 1, \"request\": {\"regions\": [\"mars-1\"]}} | request.regions[0]: unknown region 'mars-1'",
            "{\"capturedAt\": 1, \"request\": {\"attempt\": 0}} | request.attempt: must be 1 or more",
    })
    void badInputNamesTheExactPlace(String json, String message) {
        assertThatThrownBy(() -> reader.read(json)).isInstanceOf(SnapshotException.class).hasMessageStartingWith(message);
    }

    @Test
    void anIntegerBeyondALongIsValidJsonOutOfRangeAtItsPlace() {
        RegionEvidence region = region("""
                {"serviceQuotas": [{"QuotaCode": "L-F4DDD3EB", "Value": 12345678901234567890}],
                 "requestedChanges": []}
                """);

        assertThat(region.gaps()).filteredOn(g -> g.code().equals(SnapshotReader.MALFORMED)).singleElement()
                .satisfies(g -> assertThat(g.message()).isEqualTo("regions.us-east-1.serviceQuotas[0].Value: number out of range"));
        assertThat(region.has(EvidenceSection.REQUESTED_CHANGES)).isTrue();
    }
}
