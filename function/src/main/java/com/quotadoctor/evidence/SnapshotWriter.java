package com.quotadoctor.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.InferenceProfile;
import com.quotadoctor.domain.MetricSeries;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.domain.Probe;
import com.quotadoctor.domain.QuotaArn;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.RequestJson;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Writes a {@link Capture} as a snapshot, in the AWS APIs' wire format (PascalCase, epoch seconds), so that
 * {@link SnapshotReader} reads back exactly what was written and a replay diagnoses like the live run.
 */
public final class SnapshotWriter {

    public String write(Capture capture) {
        ObjectNode root = JsonTree.NODES.objectNode();
        root.put("schemaVersion", SnapshotReader.SCHEMA_VERSION);
        root.put("capturedAt", capture.capturedAt().toString());
        capture.caller().ifPresent(c -> {
            ObjectNode caller = root.putObject("caller");
            caller.put("Account", c.account());
            putText(caller, "Arn", c.arn());
            putText(caller, "UserId", c.userId());
        });
        ObjectNode request = RequestJson.write(capture.request());
        RequestJson.writeLoop(request, capture.request().attempt(), capture.request().deadline());
        root.set("request", request);
        if (!capture.gaps().isEmpty()) {
            ArrayNode errors = root.putArray("errors");
            capture.gaps().forEach(g -> errors.add(gap(g, true)));
        }
        ObjectNode regions = root.putObject("regions");
        capture.regions().forEach((name, region) -> regions.set(name, region(region)));
        return JsonTree.write(root);
    }

    private static ObjectNode region(RegionCapture r) {
        ObjectNode node = JsonTree.NODES.objectNode();
        section(node, r, EvidenceSection.SERVICE_QUOTAS, r.applied(), (n, q) -> q.write(n));
        section(node, r, EvidenceSection.DEFAULT_QUOTAS, r.defaults(), (n, q) -> q.write(n));
        section(node, r, EvidenceSection.REQUESTED_CHANGES, r.requests(), SnapshotWriter::request);
        section(node, r, EvidenceSection.METRICS, r.metrics(), SnapshotWriter::metric);
        section(node, r, EvidenceSection.FAILED_CALLS, r.failedCalls(), SnapshotWriter::failedCall);
        section(node, r, EvidenceSection.PROBES, r.probes(), SnapshotWriter::probe);
        section(node, r, EvidenceSection.INFERENCE_PROFILES, r.inferenceProfiles(), SnapshotWriter::inferenceProfile);
        if (!r.readByCode().isEmpty()) {
            // serviceQuotas holds only these codes: any other quota's applied value is unknown, not its default
            ArrayNode byCode = node.putArray("quotasReadByCode");
            r.readByCode().forEach(byCode::add);
        }
        if (!r.notNeeded().isEmpty()) {
            // read neither in full nor by code: the region held no failing call, traffic or request needing them
            ArrayNode notRead = node.putArray("notRead");
            r.notNeeded().forEach(section -> notRead.add(section.snapshotField()));
        }
        if (!r.errors().isEmpty()) {
            ArrayNode errors = node.putArray("errors");
            r.errors().forEach(g -> errors.add(gap(g, false)));
        }
        return node;
    }

    /** A section is written when it was collected, even empty: "read, nothing there" differs from "not read". */
    private static <T> void section(ObjectNode region, RegionCapture r, EvidenceSection section, List<T> items,
                                    BiConsumer<ObjectNode, T> writer) {
        if (!r.collected().contains(section)) {
            return;
        }
        ArrayNode list = region.putArray(section.snapshotField());
        items.forEach(item -> writer.accept(list.addObject(), item));
    }

    private static void request(ObjectNode n, ListedRequest r) {
        n.put("Id", r.id());
        putText(n, "CaseId", r.caseId());
        putText(n, "ServiceCode", r.serviceCode());
        n.put("QuotaCode", r.quotaCode());
        putText(n, "QuotaName", r.quotaName());
        n.put("DesiredValue", r.desiredValue());
        n.put("Status", r.rawStatus());
        r.created().ifPresent(t -> n.put("Created", epochSeconds(t)));
        r.lastUpdated().ifPresent(t -> n.put("LastUpdated", epochSeconds(t)));
        r.arn().ifPresent(arn -> n.put("QuotaArn", arn.toString()));
        if (r.requesterAccount().isPresent() || r.requesterArn().isPresent()) {
            // on the wire Requester is a JSON document inside a string
            ObjectNode requester = JsonTree.NODES.objectNode();
            putText(requester, "accountId", r.requesterAccount());
            putText(requester, "callerArn", r.requesterArn());
            n.put("Requester", JsonTree.compact(requester));
        }
    }

    private static void metric(ObjectNode n, MetricSeries m) {
        n.put("Label", m.metricName() + " " + m.modelId());
        n.put("MetricName", m.metricName());
        n.put("ModelId", m.modelId());
        n.put("Stat", m.stat());
        n.put("PeriodSeconds", m.periodSeconds());
        m.account().ifPresent(a -> n.put("Account", a));
        ArrayNode times = n.putArray("Timestamps");
        m.timestamps().forEach(t -> times.add(epochSeconds(t)));
        ArrayNode values = n.putArray("Values");
        m.values().forEach(values::add);
    }

    private static void failedCall(ObjectNode n, FailedCall c) {
        n.put("EventTime", epochSeconds(c.time()));
        n.put("AwsRegion", c.region());
        n.put("EventName", c.eventName());
        putText(n, "AccountId", c.account());
        putText(n, "PrincipalArn", c.principalArn());
        putText(n, "ModelId", c.modelId());
        n.put("ErrorCode", c.errorCode());
        putText(n, "ErrorMessage", c.errorMessage());
        putText(n, "ServiceTier", c.serviceTier());
    }

    private static void inferenceProfile(ObjectNode n, InferenceProfile p) {
        n.put("inferenceProfileArn", p.arn());
        n.put("inferenceProfileId", p.id());
        putText(n, "inferenceProfileName", p.name());
        putText(n, "type", p.type());
        putText(n, "status", p.status());
        ArrayNode models = n.putArray("models");
        p.modelArns().forEach(arn -> models.addObject().put("modelArn", arn));
    }

    private static void probe(ObjectNode n, Probe p) {
        n.put("ModelId", p.modelId());
        n.put("Outcome", p.outcome());
        putText(n, "Message", p.message());
        p.latencyMs().ifPresent(l -> n.put("LatencyMs", l));
    }

    private static ObjectNode gap(EvidenceGap g, boolean withRegion) {
        ObjectNode n = JsonTree.NODES.objectNode();
        if (withRegion) {
            n.put("Region", g.region());
        }
        n.put("Operation", g.source());
        n.put("Code", g.code());
        n.put("Message", g.message());
        putText(n, "Account", g.account());
        return n;
    }


    private static BigDecimal epochSeconds(Instant t) {
        return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros();
    }

    private static void putText(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) {
            n.put(field, value);
        }
    }

    private static void putText(ObjectNode n, String field, Optional<String> value) {
        value.ifPresent(v -> n.put(field, v));
    }
}
