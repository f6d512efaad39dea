package com.quotadoctor.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.quotadoctor.json.JsonTree;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** Responses exactly as each AWS protocol writes them: JSON 1.1, query XML, REST JSON; successes and errors. */
public final class StubWire {

    private static final Map<String, String> QUERY_NAMESPACES = Map.of(
            "GetCallerIdentity", "https://sts.amazonaws.com/doc/2011-06-15/",
            "AssumeRole", "https://sts.amazonaws.com/doc/2011-06-15/",
            "GetMetricData", "http://monitoring.amazonaws.com/doc/2010-08-01/",
            "Publish", "http://sns.amazonaws.com/doc/2010-03-31/");
    private static final Set<String> REST_JSON = Set.of("Converse", "GetInferenceProfile");

    private StubWire() {
    }

    public static boolean isQuery(String operation) {
        return QUERY_NAMESPACES.containsKey(operation);
    }

    public static ResponseDefinitionBuilder json(int status, JsonNode body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody(JsonTree.compact(body));
    }

    /** A REST JSON success (Bedrock's control plane): plain JSON, no target header. */
    public static ResponseDefinitionBuilder restJson(int status, JsonNode body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody(JsonTree.compact(body));
    }

    public static ResponseDefinitionBuilder xml(String action, String result) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody("<" + action + "Response xmlns=\"" + QUERY_NAMESPACES.get(action) + "\"><" + action + "Result>"
                        + result + "</" + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID()
                        + "</RequestId></ResponseMetadata></" + action + "Response>");
    }

    public static ResponseDefinitionBuilder error(String operation, int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        if (isQuery(operation)) {
            return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                    .withHeader("x-amzn-RequestId", requestId)
                    .withBody("<ErrorResponse xmlns=\"" + QUERY_NAMESPACES.get(operation) + "\"><Error><Type>"
                            + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + code + "</Code><Message>"
                            + escape(message) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>");
        }
        if (REST_JSON.contains(operation)) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-RequestId", requestId)
                    .withHeader("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                    .withBody("{\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
        }
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", requestId)
                .withBody("{\"__type\":\"" + code + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    /** What each service answers over its rate. */
    public static ResponseDefinitionBuilder throttled(String operation) {
        return switch (operation) {
            case "ListServiceQuotas", "ListAWSDefaultServiceQuotas", "ListRequestedServiceQuotaChangeHistory",
                 "GetServiceQuota" -> error(operation, 400, "TooManyRequestsException", "Rate exceeded");
            case "GetMetricData" -> error(operation, 400, "Throttling", "Rate exceeded");
            default -> error(operation, 400, "ThrottlingException", "Rate exceeded");
        };
    }

    /** One named series of GetMetricData: id, label, points in time order. */
    public record Series(String id, String label, List<Map.Entry<Instant, Double>> points) {
    }

    /** GetMetricDataResult, cut into pages of {@code pointsPerPage} data points as CloudWatch does. */
    public static ResponseDefinitionBuilder metricData(List<Series> series, int offset, int pointsPerPage) {
        int pageEnd = offset + pointsPerPage;
        StringBuilder members = new StringBuilder();
        int position = 0;
        for (Series s : series) {
            int first = Math.max(position, offset);
            int last = Math.min(position + s.points().size(), pageEnd);
            if (first < last || (s.points().isEmpty() && offset == 0)) {
                StringBuilder times = new StringBuilder();
                StringBuilder values = new StringBuilder();
                for (Map.Entry<Instant, Double> point : s.points().subList(Math.max(0, first - position),
                        Math.max(0, last - position))) {
                    times.append("<member>").append(point.getKey()).append("</member>");
                    values.append("<member>").append(point.getValue()).append("</member>");
                }
                boolean more = position + s.points().size() > pageEnd;
                members.append("<member><Id>").append(s.id()).append("</Id><Label>").append(escape(s.label()))
                        .append("</Label><Timestamps>").append(times).append("</Timestamps><Values>").append(values)
                        .append("</Values><StatusCode>").append(more ? "PartialData" : "Complete")
                        .append("</StatusCode></member>");
            }
            position += s.points().size();
        }
        String next = pageEnd < position ? "<NextToken>" + StubAws.token(pageEnd) + "</NextToken>" : "";
        return xml("GetMetricData", "<MetricDataResults>" + members + "</MetricDataResults><Messages/>" + next);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
