package com.quotadoctor.stub;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** A fault the stub injects for one operation, optionally only in one region or account, optionally a few times. */
public final class StubFault {

    private final String operation;
    private final Function<StubAws.Call, Optional<ResponseDefinitionBuilder>> response;
    private String region;
    private String account;
    private final AtomicInteger remaining = new AtomicInteger(Integer.MAX_VALUE);

    private StubFault(String operation, Function<StubAws.Call, Optional<ResponseDefinitionBuilder>> response) {
        this.operation = operation;
        this.response = response;
    }

    /** An AWS error response in the operation's own protocol. */
    public static StubFault error(String operation, int status, String code, String message) {
        return new StubFault(operation, call -> Optional.of(StubWire.error(operation, status, code, message)));
    }

    public static StubFault throttling(String operation) {
        return new StubFault(operation, call -> Optional.of(StubWire.throttled(operation)));
    }

    public static StubFault serverError(String operation) {
        return error(operation, 500, StubWire.isQuery(operation) ? "InternalFailure" : "ServiceException",
                "An internal error occurred.");
    }

    /** Answers only after {@code millis}: longer than the client's attempt timeout, it is a timeout. */
    public static StubFault slow(String operation, int millis) {
        return new StubFault(operation, call -> Optional.of(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{}").withFixedDelay(millis)));
    }

    /** A 200 whose body is cut off mid-document. */
    public static StubFault malformed(String operation) {
        return new StubFault(operation, call -> Optional.of(aResponse().withStatus(200)
                .withHeader("Content-Type", StubWire.isQuery(operation) ? "text/xml" : "application/x-amz-json-1.1")
                .withBody(StubWire.isQuery(operation) ? "<" + operation + "Response><" + operation + "Result><Arn>"
                        : "{\"Quotas\": [{\"QuotaCode\": \"L-1")));
    }

    /** A 200 whose body is not AWS's answer: a proxy's HTML page, or an empty document. */
    public static StubFault notAnAwsAnswer(String operation, boolean html) {
        return new StubFault(operation, call -> Optional.of(aResponse().withStatus(200)
                .withHeader("Content-Type", html ? "text/html" : StubWire.isQuery(operation) ? "text/xml"
                        : "application/x-amz-json-1.1")
                .withBody(html ? "<html><body>Welcome to the captive portal</body></html>"
                        : StubWire.isQuery(operation) ? "" : "{}")));
    }

    /** A 200 with this JSON 1.1 body, whatever was asked: a field AWS always sends can be left out. */
    public static StubFault answering(String operation, String json) {
        return new StubFault(operation, call -> Optional.of(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json)));
    }

    /** An endpoint that ignores MaxResults: one page of {@code items} requests, and a token for more. */
    public static StubFault ignoringMaxResults(int items) {
        StringBuilder body = new StringBuilder("{\"RequestedQuotas\": [");
        for (int i = 0; i < items; i++) {
            body.append(i == 0 ? "" : ",").append("{\"Id\": \"r").append(i).append("\", \"ServiceCode\": \"bedrock\", ")
                    .append("\"QuotaCode\": \"L-1\", \"DesiredValue\": 1, \"Status\": \"PENDING\"}");
        }
        body.append("], \"NextToken\": \"more\"}");
        return new StubFault("ListRequestedServiceQuotaChangeHistory", call -> Optional.of(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body.toString())));
    }

    /**
     * GetMetricData answering 200 with every requested series in {@code status} ({@code Forbidden}, {@code InternalError})
     * and no data point: CloudWatch's way to say it could not read a series.
     */
    public static StubFault seriesStatus(String status) {
        return new StubFault("GetMetricData", call -> {
            StringBuilder members = new StringBuilder();
            for (int i = 1; call.param("MetricDataQueries.member." + i + ".Id").isPresent(); i++) {
                members.append("<member><Id>").append(call.param("MetricDataQueries.member." + i + ".Id").get())
                        .append("</Id><Label>x</Label><Timestamps/><Values/><StatusCode>").append(status)
                        .append("</StatusCode></member>");
            }
            return Optional.of(StubWire.xml("GetMetricData", "<MetricDataResults>" + members
                    + "</MetricDataResults><Messages/>"));
        });
    }

    /** The first page is served; the token it hands out is then refused, as an expired token is. */
    public static StubFault badPaginationToken(String operation) {
        return new StubFault(operation, call -> call.param("NextToken").isPresent()
                ? Optional.of(StubWire.error(operation, 400, "InvalidPaginationTokenException",
                "Invalid pagination token."))
                : Optional.empty());
    }

    public StubFault inRegion(String name) {
        this.region = name;
        return this;
    }

    public StubFault inAccount(String id) {
        this.account = id;
        return this;
    }

    public StubFault times(int count) {
        remaining.set(count);
        return this;
    }

    public Optional<ResponseDefinitionBuilder> apply(StubAws.Call call) {
        if (!operation.equals(call.operation()) || (region != null && !region.equals(call.region()))
                || (account != null && !account.equals(call.account()))) {
            return Optional.empty();
        }
        Optional<ResponseDefinitionBuilder> injected = response.apply(call);
        if (injected.isEmpty()) {
            return injected;
        }
        return remaining.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0 ? injected
                : Optional.empty();
    }
}
