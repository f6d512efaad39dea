package com.quotadoctor.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.quotadoctor.json.JsonTree;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local AWS for tests: one WireMock server that answers Service Quotas and CloudTrail (JSON 1.1), STS and
 * CloudWatch (query protocol, XML) and Bedrock Runtime (REST JSON) in their exact wire format, from the
 * data of {@link StubAccount}s. The region and account of each call come from its SigV4 credential scope
 * and access key, as at AWS. It counts calls per operation, injects faults, and can enforce the
 * published per-region rates the way AWS does, with a token bucket per account, region and operation.
 */
public final class StubAws implements AutoCloseable {

    public static final String HOME_KEY = "AKIDSTUBHOME";
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/\\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");
    /** AWS's published rates, from their one home: the stub throttles exactly where AWS would. */
    private static final Map<String, Double> PUBLISHED_RATES = java.util.Arrays.stream(com.quotadoctor.domain.Operation.values())
            .filter(o -> o.perSecond() > 0)
            .collect(java.util.stream.Collectors.toMap(com.quotadoctor.domain.Operation::wireName,
                    com.quotadoctor.domain.Operation::perSecond));

    private final WireMockServer server;
    private final Map<String, StubAccount> accounts = new LinkedHashMap<>();
    private final Map<String, String> accountByKey = new ConcurrentHashMap<>();
    private final List<StubFault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final Map<String, AtomicInteger> throttledByOperation = new ConcurrentHashMap<>();
    private final List<Map<String, String>> published = new CopyOnWriteArrayList<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private volatile boolean enforceRates;
    private volatile int latencyMs;
    private volatile int metricPointsPerPage = 100_800;

    public StubAws(StubAccount home, StubAccount... others) {
        accounts.put(home.id(), home);
        accountByKey.put(HOME_KEY, home.id());
        for (StubAccount other : others) {
            accounts.put(other.id(), other);
        }
        server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(200).jettyAcceptors(2)
                .disableRequestJournal() // the stub counts calls itself; the journal would hold every body
                .extensions(new Dispatcher()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    /** An account's data, to change while a test runs (a request filed by someone else meanwhile). */
    public StubAccount account(String id) {
        return accounts.get(id);
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    public StubAws enforcingPublishedRates() {
        enforceRates = true;
        return this;
    }

    public StubAws withLatency(int ms) {
        latencyMs = ms;
        return this;
    }

    public StubAws withMetricPointsPerPage(int points) {
        metricPointsPerPage = points;
        return this;
    }

    public StubAws fault(StubFault fault) {
        faults.add(fault);
        return this;
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    public int calls(String account, String region, String operation) {
        return calls.getOrDefault(account + " " + region + " " + operation, new AtomicInteger()).get();
    }

    /** Calls per "region operation", every account together. */
    public Map<String, Integer> callsPerRegionAndOperation() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        calls.forEach((k, v) -> {
            String[] parts = k.split(" ");
            if (parts.length == 3) {
                out.merge(parts[1] + " " + parts[2], v.get(), Integer::sum);
            }
        });
        return out;
    }

    /** Calls per account, every region and operation together. */
    public Map<String, Integer> callsPerAccount() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        calls.forEach((k, v) -> {
            String[] parts = k.split(" ");
            if (parts.length == 3) {
                out.merge(parts[0], v.get(), Integer::sum);
            }
        });
        return out;
    }

    public Map<String, Integer> callsPerOperation() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        calls.forEach((k, v) -> {
            if (!k.contains(" ")) {
                out.put(k, v.get());
            }
        });
        return out;
    }

    /** Every SNS Publish the stub accepted, as its form parameters. */
    public List<Map<String, String>> published() {
        return List.copyOf(published);
    }

    /** Every EventBridge entry the stub accepted. */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    public Map<String, Integer> throttledPerOperation() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        throttledByOperation.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int throttledCalls() {
        return throttled.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Where a call goes: operation, region, account, and its parameters. */
    public record Call(String operation, String region, String account, Map<String, String> params, JsonNode json) {

        Optional<String> param(String name) {
            return Optional.ofNullable(params.get(name)).or(() -> Optional.ofNullable(json.get(name))
                    .filter(JsonNode::isValueNode).map(JsonNode::asText));
        }
    }

    private final class Dispatcher implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "stub-aws";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            Call call;
            try {
                call = parse(request);
            } catch (RuntimeException e) {
                return aResponse().withStatus(400).withBody("stub cannot route: " + e.getMessage()).build();
            }
            count(call);
            ResponseDefinitionBuilder response = respond(call);
            if (latencyMs > 0) {
                response.withFixedDelay(latencyMs);
            }
            return response.build();
        }
    }

    private void count(Call call) {
        calls.computeIfAbsent(call.operation(), k -> new AtomicInteger()).incrementAndGet();
        calls.computeIfAbsent(call.account() + " " + call.region() + " " + call.operation(), k -> new AtomicInteger())
                .incrementAndGet();
    }

    private Call parse(Request request) {
        Matcher scope = SCOPE.matcher(Optional.ofNullable(request.getHeader("Authorization")).orElse(""));
        if (!scope.find()) {
            throw new IllegalArgumentException("no SigV4 credential scope");
        }
        String account = accountByKey.getOrDefault(scope.group(1), "unknown-key-" + scope.group(1));
        String region = scope.group(2);
        String target = request.getHeader("X-Amz-Target");
        String body = request.getBodyAsString();
        if (target != null) {
            return new Call(target.substring(target.lastIndexOf('.') + 1), region, account, Map.of(), json(body));
        }
        if (request.getUrl().startsWith("/inference-profiles/")) {
            String id = URLDecoder.decode(request.getUrl().substring("/inference-profiles/".length()), StandardCharsets.UTF_8);
            return new Call("GetInferenceProfile", region, account, Map.of("inferenceProfileIdentifier", id), json(body));
        }
        if (request.getUrl().startsWith("/model/")) {
            String model = URLDecoder.decode(request.getUrl().split("/")[2], StandardCharsets.UTF_8);
            return new Call("Converse", region, account, Map.of("modelId", model), json(body));
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new Call(form.getOrDefault("Action", "Unknown"), region, account, form, JsonTree.NODES.objectNode());
    }

    private static JsonNode json(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JsonTree.parse(body);
            return node == null ? JsonTree.NODES.objectNode() : node;
        } catch (IOException e) {
            throw new IllegalArgumentException("request body is not JSON");
        }
    }

    /**
     * Organizations' ListAccounts (JSON 1.1), 20 a page as AWS's default: every account of the stub, in the shape of the
     * API Reference's example (Arn, Email, Id, JoinedMethod, JoinedTimestamp, Name, Status, State).
     */
    private ResponseDefinitionBuilder listAccounts(Call call) {
        List<String> ids = new ArrayList<>(accounts.keySet());
        int from = call.json().path("NextToken").isTextual() ? Integer.parseInt(call.json().get("NextToken").asText()) : 0;
        ObjectNode body = JsonTree.NODES.objectNode();
        ArrayNode list = body.putArray("Accounts");
        for (String id : ids.subList(from, Math.min(ids.size(), from + 20))) {
            list.addObject().put("Arn", "arn:aws:organizations::" + call.account() + ":account/o-exampleorgid/" + id)
                    .put("Email", id + "@example.com").put("Id", id).put("JoinedMethod", "CREATED")
                    .put("JoinedTimestamp", 1481830215.45).put("Name", "account " + id).put("Status", "ACTIVE")
                    .put("State", "ACTIVE");
        }
        if (from + 20 < ids.size()) {
            body.put("NextToken", Integer.toString(from + 20));
        }
        return StubWire.json(200, body);
    }

    private ResponseDefinitionBuilder respond(Call call) {
        if (enforceRates && !bucket(call).take()) {
            throttled.incrementAndGet();
            throttledByOperation.computeIfAbsent(call.operation(), k -> new AtomicInteger()).incrementAndGet();
            return StubWire.throttled(call.operation());
        }
        for (StubFault fault : faults) {
            Optional<ResponseDefinitionBuilder> injected = fault.apply(call);
            if (injected.isPresent()) {
                return injected.get();
            }
        }
        StubAccount account = accounts.get(call.account());
        if (account == null) {
            return StubWire.error(call.operation(), 403, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        return switch (call.operation()) {
            case "GetCallerIdentity" -> StubWire.xml("GetCallerIdentity", "<Arn>" + account.callerArn() + "</Arn><UserId>"
                    + "AIDASTUB:" + account.id() + "</UserId><Account>" + account.id() + "</Account>");
            case "AssumeRole" -> assumeRole(call);
            case "ListAccounts" -> listAccounts(call);
            case "ListServiceQuotas" -> page(call, "Quotas", account.region(call.region()).applied(), 100);
            case "ListAWSDefaultServiceQuotas" -> page(call, "Quotas", account.region(call.region()).defaults(), 100);
            case "GetServiceQuota" -> getServiceQuota(call, account);
            case "GetAWSDefaultServiceQuota" -> getDefaultServiceQuota(call, account);
            case "ListRequestedServiceQuotaChangeHistoryByQuota" -> page(call, "RequestedQuotas",
                    account.region(call.region()).requests().stream().filter(r -> r.path("QuotaCode").asText()
                            .equals(call.json().path("QuotaCode").asText())).toList(), 100);
            case "RequestServiceQuotaIncrease" -> requestIncrease(call, account);
            case "ListRequestedServiceQuotaChangeHistory" ->
                    page(call, "RequestedQuotas", account.region(call.region()).requests(), 100);
            case "LookupEvents" -> lookupEvents(call, account);
            case "GetMetricData" -> getMetricData(call, account);
            case "Publish" -> {
                published.add(call.params());
                yield StubWire.xml("Publish", "<MessageId>" + java.util.UUID.randomUUID() + "</MessageId>");
            }
            case "PutEvents" -> {
                ObjectNode body = JsonTree.NODES.objectNode();
                ArrayNode results = body.putArray("Entries");
                call.json().path("Entries").forEach(e -> {
                    events.add(e);
                    results.addObject().put("EventId", java.util.UUID.randomUUID().toString());
                });
                body.put("FailedEntryCount", 0);
                yield StubWire.json(200, body);
            }
            case "Converse" -> StubWire.json(200, account.region(call.region()).converse(call.params().get("modelId")));
            case "GetInferenceProfile" -> account.region(call.region()).inferenceProfile(call.params().get("inferenceProfileIdentifier"))
                    .map(p -> StubWire.restJson(200, p))
                    .orElse(StubWire.error("GetInferenceProfile", 404, "ResourceNotFoundException",
                            "The specified inference profile does not exist."));
            default -> StubWire.error(call.operation(), 400, "InvalidAction", "the stub does not serve " + call.operation());
        };
    }

    /**
     * GetServiceQuota answers with the quota as ListServiceQuotas lists it; a quota that list leaves out (only a
     * default) is "not retrieved", answered here with NoSuchResourceException (AWS documents the omission, not the
     * error; it is the one the API lists for a resource it does not know).
     */
    private static ResponseDefinitionBuilder getServiceQuota(Call call, StubAccount account) {
        return oneQuota(call, "GetServiceQuota", account.region(call.region()).applied());
    }

    private static ResponseDefinitionBuilder getDefaultServiceQuota(Call call, StubAccount account) {
        return oneQuota(call, "GetAWSDefaultServiceQuota", account.region(call.region()).defaults());
    }

    /** The quota the call names, from {@code quotas}, as Service Quotas answers one; NoSuchResourceException when absent. */
    private static ResponseDefinitionBuilder oneQuota(Call call, String operation, List<ObjectNode> quotas) {
        String code = call.json().path("QuotaCode").asText("");
        return quotas.stream().filter(q -> q.path("QuotaCode").asText().equals(code)).findFirst()
                .map(q -> {
                    ObjectNode body = JsonTree.NODES.objectNode();
                    body.set("Quota", q);
                    return StubWire.json(200, body);
                })
                .orElse(StubWire.error(operation, 400, "NoSuchResourceException", "The specified resource does not exist."));
    }

    /**
     * Files a request as Service Quotas does: PENDING, one active request per quota (a second is
     * ResourceAlreadyExistsException), and the RequestedQuota in the answer.
     */
    private static ResponseDefinitionBuilder requestIncrease(Call call, StubAccount account) {
        String code = call.json().path("QuotaCode").asText("");
        StubAccount.RegionData region = account.region(call.region());
        boolean open = region.requests().stream().anyMatch(r -> r.path("QuotaCode").asText().equals(code)
                && java.util.Set.of("PENDING", "CASE_OPENED").contains(r.path("Status").asText()));
        if (open) {
            return StubWire.error("RequestServiceQuotaIncrease", 400, "ResourceAlreadyExistsException",
                    "Only one open service quota increase request is allowed per quota.");
        }
        String name = region.defaults().stream().filter(q -> q.path("QuotaCode").asText().equals(code)).findFirst()
                .map(q -> q.path("QuotaName").asText()).orElse(code);
        String id = "req" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 28);
        Instant now = Instant.now();
        region.request(id, code, name, call.json().path("DesiredValue").asDouble(), "PENDING", now, now);
        ObjectNode body = JsonTree.NODES.objectNode();
        body.set("RequestedQuota", region.requests().get(region.requests().size() - 1));
        return StubWire.json(200, body);
    }

    private ResponseDefinitionBuilder assumeRole(Call call) {
        String roleArn = call.params().get("RoleArn");
        Optional<StubAccount> target = accounts.values().stream().filter(a -> roleArn.equals(a.roleArn())).findFirst();
        if (target.isEmpty()) {
            return StubWire.error("AssumeRole", 403, "AccessDenied", "User: arn:aws:sts::" + call.account()
                    + ":assumed-role/quota-doctor/x is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        String key = "ASIASTUB" + target.get().id();
        accountByKey.put(key, target.get().id());
        return StubWire.xml("AssumeRole", "<AssumedRoleUser><Arn>arn:aws:sts::" + target.get().id()
                + ":assumed-role/quota-doctor-read/quota-doctor</Arn><AssumedRoleId>AROASTUB:quota-doctor</AssumedRoleId>"
                + "</AssumedRoleUser><Credentials><AccessKeyId>" + key + "</AccessKeyId><SecretAccessKey>stub-secret"
                + "</SecretAccessKey><SessionToken>stub-session</SessionToken><Expiration>2030-01-01T00:00:00Z"
                + "</Expiration></Credentials><PackedPolicySize>6</PackedPolicySize>");
    }

    private static ResponseDefinitionBuilder page(Call call, String listField, List<ObjectNode> items, int maxPage) {
        int size = Math.min(maxPage, call.param("MaxResults").map(Integer::parseInt).orElse(maxPage));
        int offset = call.param("NextToken").map(StubAws::offset).orElse(0);
        ObjectNode body = JsonTree.NODES.objectNode();
        ArrayNode list = body.putArray(listField);
        items.subList(Math.min(offset, items.size()), Math.min(items.size(), offset + size)).forEach(list::add);
        if (offset + size < items.size()) {
            body.put("NextToken", token(offset + size));
        }
        return StubWire.json(200, body);
    }

    private ResponseDefinitionBuilder lookupEvents(Call call, StubAccount account) {
        Instant start = Instant.ofEpochMilli((long) (call.json().path("StartTime").asDouble() * 1000));
        Instant end = Instant.ofEpochMilli((long) (call.json().path("EndTime").asDouble(Double.MAX_VALUE / 2) * 1000));
        List<ObjectNode> events = account.region(call.region()).events().stream()
                .filter(e -> {
                    Instant t = Instant.ofEpochSecond(e.path("EventTime").asLong());
                    return !t.isBefore(start) && !t.isAfter(end);
                })
                .sorted((a, b) -> Long.compare(b.path("EventTime").asLong(), a.path("EventTime").asLong()))
                .toList();
        return page(call, "Events", events, 50);
    }

    private static final java.util.regex.Pattern INSIGHTS = java.util.regex.Pattern.compile(
            "SELECT SUM\\((\\w+)\\) FROM SCHEMA\\(\"([\\w/]+)\", (\\w+)\\) GROUP BY (\\w+) ORDER BY SUM\\(\\) DESC LIMIT (\\d+)");

    /**
     * GetMetricData as CloudWatch answers it: metric-stat queries per model, an account-wide one without dimensions
     * (the sum over every model), and one Metrics Insights GROUP BY query, a series per group labelled with the group's
     * value. A series asked in the wrong namespace or dimension has no data, as in CloudWatch.
     */
    private ResponseDefinitionBuilder getMetricData(Call call, StubAccount account) {
        Instant start = Instant.parse(call.params().get("StartTime"));
        Instant end = Instant.parse(call.params().get("EndTime"));
        StubAccount.RegionData region = account.region(call.region());
        List<StubWire.Series> all = new ArrayList<>();
        int insights = 0;
        for (int i = 1; call.params().containsKey("MetricDataQueries.member." + i + ".Id"); i++) {
            String prefix = "MetricDataQueries.member." + i + ".";
            String id = call.params().get(prefix + "Id");
            String expression = call.params().get(prefix + "Expression");
            if (expression != null) {
                if (++insights > 1) {
                    return StubWire.error("GetMetricData", 400, "InvalidParameterCombination",
                            "Only one Metrics Insights query is allowed per request");
                }
                java.util.regex.Matcher q = INSIGHTS.matcher(expression);
                if (!q.matches() || !q.group(3).equals(q.group(4))) {
                    return StubWire.error("GetMetricData", 400, "InvalidParameterValue", "the stub does not serve " + expression);
                }
                String metric = q.group(1);
                boolean fits = com.quotadoctor.domain.BedrockMetric.of(metric).map(m -> m.namespace().equals(q.group(2))
                        && m.modelDimension().equals(q.group(3))).orElse(false);
                if (fits) {
                    region.modelsWith(metric).stream()
                            .map(model -> new StubWire.Series(id, model, region.points(model, metric, start, end)))
                            .filter(series -> !series.points().isEmpty())
                            .sorted(java.util.Comparator.comparingDouble((StubWire.Series series) -> -series.points().stream()
                                    .mapToDouble(Map.Entry::getValue).sum()))
                            .limit(Integer.parseInt(q.group(5)))
                            .forEach(all::add);
                }
                continue;
            }
            String metric = call.params().get(prefix + "MetricStat.Metric.MetricName");
            String namespace = call.params().get(prefix + "MetricStat.Metric.Namespace");
            String dimension = call.params().get(prefix + "MetricStat.Metric.Dimensions.member.1.Name");
            String model = call.params().get(prefix + "MetricStat.Metric.Dimensions.member.1.Value");
            var kind = com.quotadoctor.domain.BedrockMetric.of(metric);
            boolean fits = kind.map(m -> m.namespace().equals(namespace)
                    && (dimension == null || m.modelDimension().equals(dimension))).orElse(false);
            List<Map.Entry<Instant, Double>> points = !fits ? List.of()
                    : dimension == null ? region.accountWide(metric, start, end) : region.points(model, metric, start, end);
            all.add(new StubWire.Series(id, Optional.ofNullable(call.params().get(prefix + "Label")).orElse(id), points));
        }
        int offset = Optional.ofNullable(call.params().get("NextToken")).map(StubAws::offset).orElse(0);
        return StubWire.metricData(all, offset, metricPointsPerPage);
    }

    public static int offset(String token) {
        if (!token.startsWith("page-")) {
            throw new IllegalArgumentException("bad token");
        }
        return Integer.parseInt(token.substring(5));
    }

    public static String token(int offset) {
        return "page-" + offset;
    }

    private Bucket bucket(Call call) {
        double rate = PUBLISHED_RATES.getOrDefault(call.operation(), 0.0);
        return rate == 0 ? Bucket.UNLIMITED
                : buckets.computeIfAbsent(call.account() + " " + call.region() + " " + call.operation(), k -> new Bucket(rate));
    }

    /** AWS's throttle: a bucket of one second's calls, refilled continuously. */
    private static final class Bucket {
        static final Bucket UNLIMITED = new Bucket(0);
        private final double rate;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double rate) {
            this.rate = rate;
            this.tokens = rate;
        }

        synchronized boolean take() {
            if (rate == 0) {
                return true;
            }
            long now = System.nanoTime();
            tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
