package com.quotadoctor.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Finding;
import com.quotadoctor.diagnosis.RemediationStep;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.ModelId;

import java.util.Map;
import java.util.Optional;

/**
 * The diagnosis JSON of the contract, shared by the CLI, the Lambda and the Step Functions loop:
 * {@code verdict}, {@code findings[]}, {@code request}, {@code attempt}, {@code nextCheckSeconds}
 * (only while waiting helps), {@code deadline}, {@code fingerprint}, {@code evidenceGaps[]}.
 */
public final class DiagnosisJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiagnosisJson() {
    }

    public static ObjectNode toTree(Diagnosis d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", d.verdict().name());
        ArrayNode findings = root.putArray("findings");
        d.findings().forEach(f -> findings.add(finding(f)));
        root.set("request", request(d.request()));
        root.put("attempt", d.attempt());
        d.nextCheckSeconds().ifPresent(s -> root.put("nextCheckSeconds", s));
        d.deadline().ifPresent(t -> root.put("deadline", t.toString()));
        root.put("fingerprint", d.fingerprint());
        ArrayNode gaps = root.putArray("evidenceGaps");
        d.evidenceGaps().forEach(g -> gaps.add(gap(g)));
        root.put("judgedAt", d.judgedAt().toString());
        return root;
    }

    public static String write(Diagnosis d) {
        return write(toTree(d));
    }

    public static String write(ObjectNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", f.code().name());
        node.put("severity", f.severity().name());
        node.put("title", f.title());
        node.put("explanation", f.explanation());
        ObjectNode evidence = node.putObject("evidence");
        for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
            evidence.set(e.getKey(), JSON.valueToTree(e.getValue()));
        }
        ArrayNode steps = node.putArray("remediation");
        for (RemediationStep step : f.remediation()) {
            ObjectNode s = steps.addObject();
            s.put("action", step.action());
            step.command().ifPresent(c -> s.put("command", c));
        }
        putOptional(node, "region", f.region());
        putOptional(node, "account", f.account());
        putOptional(node, "quotaCode", f.quotaCode());
        putOptional(node, "modelId", f.modelId());
        return node;
    }

    private static ObjectNode request(DiagnosisRequest r) {
        ObjectNode node = JSON.createObjectNode();
        putOptional(node, "account", r.account());
        ArrayNode regions = node.putArray("regions");
        r.regions().forEach(regions::add);
        ArrayNode models = node.putArray("modelIds");
        r.models().stream().map(ModelId::raw).forEach(models::add);
        putOptional(node, "requestId", r.requestId());
        putOptional(node, "quotaCode", r.quotaCode());
        if (r.error().code().isPresent() || r.error().message().isPresent()) {
            ObjectNode error = node.putObject("error");
            putOptional(error, "code", r.error().code());
            putOptional(error, "message", r.error().message());
        }
        return node;
    }

    private static ObjectNode gap(EvidenceGap g) {
        ObjectNode node = JSON.createObjectNode();
        node.put("region", g.region());
        node.put("source", g.source());
        node.put("code", g.code());
        node.put("message", g.message());
        return node;
    }

    private static void putOptional(ObjectNode node, String field, Optional<String> value) {
        value.ifPresent(v -> node.put(field, v));
    }
}
