package com.quotadoctor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Finding;
import com.quotadoctor.diagnosis.FindingCode;
import com.quotadoctor.diagnosis.PlanStep;
import com.quotadoctor.diagnosis.Severity;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.EvidenceGap;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosisJsonTest {

    private static Diagnosis diagnosis(Optional<Long> nextCheck) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("desiredValue", 400000L);
        evidence.put("ratio", new BigDecimal("0.5"));
        evidence.put("adjustable", false);
        evidence.put("regions", List.of("us-east-1", "us-west-2"));
        evidence.put("lastError", "ThrottlingException: \"Too many tokens\"\n");
        Finding finding = new Finding(FindingCode.PROPAGATION_PENDING, Severity.WARNING, "t", "e", evidence,
                List.of(PlanStep.of(PlanStep.Kind.FOLLOW_REQUEST, "check")
                                .command("aws service-quotas get-service-quota --region us-east-1"),
                        PlanStep.of(PlanStep.Kind.WAIT, "wait")),
                Optional.of("us-east-1"), Optional.empty(), Optional.of("L-F4DDD3EB"), Optional.empty());
        return new Diagnosis(FindingCode.PROPAGATION_PENDING, List.of(finding), DiagnosisRequest.empty(), 2, nextCheck,
                Optional.of(Instant.parse("2026-11-26T09:00:00Z")), "abc",
                List.of(EvidenceGap.in("eu-west-1", "metrics", "NotCollected", "m")), Instant.parse("2026-11-25T10:00:00Z"),
                finding.remediation(), Optional.empty());
    }

    @Test
    void writesTheContractDocument() throws Exception {
        JsonNode json = new ObjectMapper().readTree(DiagnosisJson.write(diagnosis(Optional.of(600L))));

        assertThat(json.get("verdict").asText()).isEqualTo("PROPAGATION_PENDING");
        assertThat(json.get("attempt").asInt()).isEqualTo(2);
        assertThat(json.get("nextCheckSeconds").asLong()).isEqualTo(600);
        assertThat(json.get("deadline").asText()).isEqualTo("2026-11-26T09:00:00Z");
        assertThat(json.get("fingerprint").asText()).isEqualTo("abc");
        assertThat(json.get("evidenceGaps").get(0).get("source").asText()).isEqualTo("metrics");
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("quotaCode").asText()).isEqualTo("L-F4DDD3EB");
        assertThat(finding.has("account")).isFalse();
        assertThat(finding.get("remediation").get(0).get("command").asText()).contains("--region us-east-1");
        assertThat(finding.get("remediation").get(1).has("command")).isFalse();
    }

    @Test
    void evidenceKeepsItsTypesAndEscapes() throws Exception {
        JsonNode evidence = new ObjectMapper().readTree(DiagnosisJson.write(diagnosis(Optional.empty())))
                .get("findings").get(0).get("evidence");

        assertThat(evidence.get("desiredValue").isIntegralNumber()).isTrue();
        assertThat(evidence.get("desiredValue").asLong()).isEqualTo(400000);
        assertThat(evidence.get("ratio").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(evidence.get("adjustable").isBoolean()).isTrue();
        assertThat(evidence.get("regions").get(1).asText()).isEqualTo("us-west-2");
        assertThat(evidence.get("lastError").asText()).isEqualTo("ThrottlingException: \"Too many tokens\"\n");
    }

    @Test
    void nextCheckSecondsIsAbsentWhenWaitingDoesNotHelp() throws Exception {
        JsonNode json = new ObjectMapper().readTree(DiagnosisJson.write(diagnosis(Optional.empty())));

        assertThat(json.has("nextCheckSeconds")).isFalse();
    }
}
