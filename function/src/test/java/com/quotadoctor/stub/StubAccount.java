package com.quotadoctor.stub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** One stub AWS account: its Bedrock quotas, requests, CloudTrail events and metrics, per region, in wire form. */
public final class StubAccount {

    private final String id;
    private final String roleArn;
    private final Map<String, RegionData> regions = new ConcurrentHashMap<>();

    private StubAccount(String id, String roleArn) {
        this.id = id;
        this.roleArn = roleArn;
    }

    /** The account whose credentials collect. */
    public static StubAccount home(String id) {
        return new StubAccount(id, null);
    }

    /** An account read through its read-only role. */
    public static StubAccount member(String id) {
        return new StubAccount(id, "arn:aws:iam::" + id + ":role/quota-doctor-read");
    }

    public String id() {
        return id;
    }

    public String roleArn() {
        return roleArn;
    }

    public String callerArn() {
        return "arn:aws:sts::" + id + ":assumed-role/quota-doctor/cli";
    }

    public RegionData region(String name) {
        return regions.computeIfAbsent(name, RegionData::new);
    }

    public final class RegionData {
        private final String name;
        private final List<ObjectNode> applied = new ArrayList<>();
        private final List<ObjectNode> defaults = new ArrayList<>();
        private final List<ObjectNode> requests = new ArrayList<>();
        private final List<ObjectNode> events = new ArrayList<>();
        private final Map<String, Map<String, NavigableMap<Instant, Double>>> metrics = new ConcurrentHashMap<>();
        private final List<ObjectNode> inferenceProfiles = new ArrayList<>();

        RegionData(String name) {
            this.name = name;
        }

        public List<ObjectNode> applied() {
            return applied;
        }

        public List<ObjectNode> defaults() {
            return defaults;
        }

        public List<ObjectNode> requests() {
            return requests;
        }

        public List<ObjectNode> events() {
            return events;
        }

        /** A quota with its AWS default; the account's applied value too unless {@code appliedValue} is null. */
        public RegionData quota(String code, String quotaName, Double appliedValue, double defaultValue, boolean adjustable) {
            defaults.add(serviceQuota(code, quotaName, "", defaultValue, adjustable));
            if (appliedValue != null) {
                applied.add(serviceQuota(code, quotaName, id, appliedValue, adjustable));
            }
            return this;
        }

        /**
         * Keeps the applied values of these codes only: ListServiceQuotas leaves the others out and GetServiceQuota
         * does not retrieve them, as AWS does for quotas that only have a default.
         */
        public RegionData keepAppliedOnly(java.util.Set<String> codes) {
            applied.removeIf(q -> !codes.contains(q.path("QuotaCode").asText()));
            return this;
        }

        /** The account's applied value of a quota already listed, changed, as an approval applies it. */
        public RegionData applied(String code, double value) {
            applied.stream().filter(q -> q.path("QuotaCode").asText().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no applied quota " + code + " in " + name))
                    .put("Value", value);
            return this;
        }

        private ObjectNode serviceQuota(String code, String quotaName, String account, double value, boolean adjustable) {
            ObjectNode q = JsonTree.NODES.objectNode();
            q.put("ServiceCode", "bedrock");
            q.put("ServiceName", "Amazon Bedrock");
            q.put("QuotaArn", "arn:aws:servicequotas:" + name + ":" + account + ":bedrock/" + code);
            q.put("QuotaCode", code);
            q.put("QuotaName", quotaName);
            q.put("Value", value);
            q.put("Unit", "None");
            q.put("Adjustable", adjustable);
            q.put("GlobalQuota", false);
            q.put("QuotaAppliedAtLevel", "ACCOUNT");
            return q;
        }

        public RegionData request(String requestId, String code, String quotaName, double desired, String status,
                           Instant created, Instant updated) {
            ObjectNode r = JsonTree.NODES.objectNode();
            r.put("Id", requestId);
            r.put("CaseId", "17" + Math.abs(requestId.hashCode()));
            r.put("ServiceCode", "bedrock");
            r.put("ServiceName", "Amazon Bedrock");
            r.put("QuotaCode", code);
            r.put("QuotaName", quotaName);
            r.put("DesiredValue", desired);
            r.put("Status", status);
            r.put("Created", seconds(created));
            r.put("LastUpdated", seconds(updated));
            r.put("Requester", "{\"accountId\":\"" + id + "\",\"callerArn\":\"arn:aws:iam::" + id + ":role/Admin\"}");
            r.put("QuotaArn", "arn:aws:servicequotas:" + name + ":" + id + ":bedrock/" + code);
            r.put("GlobalQuota", false);
            r.put("Unit", "None");
            r.put("QuotaRequestedAtLevel", "ACCOUNT");
            requests.add(r);
            return this;
        }

        /** A Bedrock runtime call as CloudTrail event history lists it; {@code errorCode} null for a success. */
        /** Every recorded call asks for this tier, as Converse's request names it ({@code serviceTier.type}). */
        public RegionData onTier(String tier) {
            for (ObjectNode e : events) {
                try {
                    ObjectNode detail = (ObjectNode) JsonTree.parse(e.path("CloudTrailEvent").asText());
                    ((ObjectNode) detail.path("requestParameters")).putObject("serviceTier").put("type", tier);
                    e.put("CloudTrailEvent", JsonTree.compact(detail));
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }
            return this;
        }

        public RegionData call(Instant time, String eventName, String modelId, String errorCode, String errorMessage) {
            ObjectNode detail = JsonTree.NODES.objectNode();
            detail.put("eventVersion", "1.09");
            ObjectNode identity = detail.putObject("userIdentity");
            identity.put("type", "AssumedRole");
            identity.put("principalId", "AROASTUBAPP:i-0abc");
            identity.put("arn", "arn:aws:sts::" + id + ":assumed-role/app/i-0abc");
            identity.put("accountId", id);
            detail.put("eventTime", time.toString());
            detail.put("eventSource", "bedrock.amazonaws.com");
            detail.put("eventName", eventName);
            detail.put("awsRegion", name);
            detail.put("sourceIPAddress", "10.0.0.1");
            detail.put("userAgent", "Boto3/1.40.0");
            if (errorCode != null) {
                detail.put("errorCode", errorCode);
                detail.put("errorMessage", errorMessage);
            }
            detail.putObject("requestParameters").put("modelId", modelId);
            detail.putNull("responseElements");
            detail.put("requestID", "req-" + events.size());
            detail.put("eventID", "evt-" + events.size());
            detail.put("readOnly", true);
            detail.put("eventType", "AwsApiCall");
            detail.put("managementEvent", true);
            detail.put("recipientAccountId", id);
            detail.put("eventCategory", "Management");
            ObjectNode e = JsonTree.NODES.objectNode();
            e.put("EventId", "evt-" + events.size());
            e.put("EventName", eventName);
            e.put("ReadOnly", "true");
            e.put("EventTime", time.getEpochSecond());
            e.put("EventSource", "bedrock.amazonaws.com");
            e.put("Username", "i-0abc");
            e.putArray("Resources");
            e.put("CloudTrailEvent", JsonTree.compact(detail));
            events.add(e);
            return this;
        }

        public RegionData metric(String modelId, String metric, Instant time, double value) {
            metrics.computeIfAbsent(modelId, m -> new ConcurrentHashMap<>())
                    .computeIfAbsent(metric, m -> new TreeMap<>()).put(time, value);
            return this;
        }

        public List<Map.Entry<Instant, Double>> points(String modelId, String metric, Instant start, Instant end) {
            NavigableMap<Instant, Double> series = metrics.getOrDefault(modelId, Map.of()).get(metric);
            return series == null ? List.of() : series.subMap(start, true, end, false).entrySet().stream()
                    .map(e -> (Map.Entry<Instant, Double>) new AbstractMap.SimpleEntry<>(e.getKey(), e.getValue()))
                    .toList();
        }

        /** The models with any point of this metric. */
        public Set<String> modelsWith(String metric) {
            Set<String> models = new LinkedHashSet<>();
            metrics.forEach((model, byMetric) -> {
                if (byMetric.containsKey(metric)) {
                    models.add(model);
                }
            });
            return models;
        }

        /** The metric summed over every model per minute: the series without dimensions. */
        public List<Map.Entry<Instant, Double>> accountWide(String metric, Instant start, Instant end) {
            NavigableMap<Instant, Double> sum = new TreeMap<>();
            modelsWith(metric).forEach(model -> points(model, metric, start, end)
                    .forEach(p -> sum.merge(p.getKey(), p.getValue(), Double::sum)));
            return sum.entrySet().stream()
                    .map(e -> (Map.Entry<Instant, Double>) new AbstractMap.SimpleEntry<>(e.getKey(), e.getValue()))
                    .toList();
        }

        /** An application inference profile as GetInferenceProfile describes it; returns its ARN. */
        public String applicationProfile(String profileId, String profileName, String... modelArns) {
            String arn = "arn:aws:bedrock:" + name + ":" + id + ":application-inference-profile/" + profileId;
            ObjectNode p = JsonTree.NODES.objectNode();
            p.put("inferenceProfileName", profileName);
            p.put("description", "cost allocation");
            p.put("createdAt", "2026-06-02T08:15:00Z");
            p.put("updatedAt", "2026-06-02T08:15:00Z");
            p.put("inferenceProfileArn", arn);
            ArrayNode models = p.putArray("models");
            for (String modelArn : modelArns) {
                models.addObject().put("modelArn", modelArn);
            }
            p.put("inferenceProfileId", profileId);
            p.put("status", "ACTIVE");
            p.put("type", "APPLICATION");
            inferenceProfiles.add(p);
            return arn;
        }

        public Optional<ObjectNode> inferenceProfile(String identifier) {
            return inferenceProfiles.stream().filter(p -> p.path("inferenceProfileArn").asText().equals(identifier)
                    || p.path("inferenceProfileId").asText().equals(identifier)).findFirst();
        }

        public ObjectNode converse(String modelId) {
            ObjectNode body = JsonTree.NODES.objectNode();
            ObjectNode message = body.putObject("output").putObject("message");
            message.put("role", "assistant");
            message.putArray("content").addObject().put("text", "p");
            body.put("stopReason", "max_tokens");
            ObjectNode usage = body.putObject("usage");
            usage.put("inputTokens", 8);
            usage.put("outputTokens", 1);
            usage.put("totalTokens", 9);
            body.putObject("metrics").put("latencyMs", 180);
            return body;
        }

        private BigDecimal seconds(Instant t) {
            return BigDecimal.valueOf(t.toEpochMilli(), 3);
        }
    }
}
