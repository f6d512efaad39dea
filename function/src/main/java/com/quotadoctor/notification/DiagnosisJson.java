package com.quotadoctor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.diagnosis.Diagnosis;
import com.quotadoctor.diagnosis.Finding;
import com.quotadoctor.diagnosis.Format;
import com.quotadoctor.diagnosis.PlanStep;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.RequestJson;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The diagnosis JSON of the contract, shared by the CLI, the Lambda and the Step Functions loop:
 * {@code verdict}, {@code findings[]}, {@code request}, {@code attempt}, {@code nextCheckSeconds}
 * (only while waiting helps), {@code deadline}, {@code fingerprint}, {@code evidenceGaps[]}, {@code plan[]}
 * and {@code justification}.
 *
 * <p>Built and written with the tree and the streaming generator alone: an {@code ObjectMapper}'s
 * first use costs about a fifth of a second of cold start for nothing this needs.
 */
public final class DiagnosisJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DiagnosisJson() {
    }

    public static ObjectNode toTree(Diagnosis d) {
        ObjectNode root = JSON.objectNode();
        root.put("verdict", d.verdict().name());
        // the verdict's severity at the top: what a script or a chat integration branches on
        root.put("severity", d.top().severity().name());
        ArrayNode findings = root.putArray("findings");
        d.findings().forEach(f -> findings.add(finding(f)));
        root.set("request", RequestJson.write(d.request()));
        RequestJson.writeLoop(root, d.attempt(), d.deadline());
        d.nextCheckSeconds().ifPresent(s -> root.put("nextCheckSeconds", s));
        root.put("fingerprint", d.fingerprint());
        ArrayNode gaps = root.putArray("evidenceGaps");
        d.evidenceGaps().forEach(g -> gaps.add(gap(g)));
        root.put("judgedAt", d.judgedAt().toString());
        ArrayNode plan = root.putArray("plan");
        d.plan().forEach(step -> plan.add(step(step)));
        d.justification().ifPresent(j -> root.put("justification", j));
        // the plan's increases, as the guided fix files them: present only when the plan asks AWS for one
        ArrayNode filings = JsonTree.NODES.arrayNode();
        d.plan().stream().filter(s -> s.kind() == com.quotadoctor.diagnosis.PlanStep.Kind.REQUEST_INCREASE
                        && s.quotaCode().isPresent() && s.region().isPresent() && s.value().isPresent())
                .forEach(s -> {
                    ObjectNode f = filings.addObject();
                    f.put("quotaCode", s.quotaCode().get());
                    f.put("region", s.region().get());
                    s.account().ifPresent(a -> f.put("account", a));
                    f.put("desiredValue", s.value().get());
                });
        if (!filings.isEmpty()) {
            root.set("filings", filings);
        }
        return root;
    }

    public static String write(Diagnosis d) {
        return write(toTree(d));
    }

    public static String write(ObjectNode tree) {
        return JsonTree.write(tree);
    }

    /** Evidence values are strings, numbers, booleans and lists of them. */
    private static JsonNode value(Object value) {
        if (value instanceof Number n) {
            return n instanceof java.math.BigDecimal d ? JSON.numberNode(d)
                    : n instanceof Double || n instanceof Float ? JSON.numberNode(n.doubleValue())
                    : JSON.numberNode(n.longValue());
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(v -> array.add(value(v)));
            return array;
        }
        return JSON.textNode(String.valueOf(value));
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode node = JSON.objectNode();
        node.put("code", f.code().name());
        node.put("severity", f.severity().name());
        node.put("title", f.title());
        node.put("explanation", f.explanation());
        ObjectNode evidence = node.putObject("evidence");
        for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
            evidence.set(e.getKey(), value(e.getValue()));
        }
        ArrayNode steps = node.putArray("remediation");
        for (PlanStep step : f.remediation()) {
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


    /** A plan step: what, the exact command, where it acts, the one value it asks for, why, for which findings. */
    private static ObjectNode step(PlanStep step) {
        ObjectNode node = JSON.objectNode();
        node.put("kind", step.kind().wire());
        node.put("action", step.action());
        step.command().ifPresent(c -> node.put("command", c));
        if (!step.links().isEmpty()) {
            ArrayNode links = node.putArray("links");
            step.links().forEach(links::add);
        }
        putOptional(node, "quotaCode", step.quotaCode());
        putOptional(node, "region", step.region());
        putOptional(node, "account", step.account());
        step.value().ifPresent(v -> node.set("value", value(Format.number(v))));
        node.put("why", step.why());
        ArrayNode serves = node.putArray("serves");
        step.serves().forEach(code -> serves.add(code.name()));
        return node;
    }

    private static ObjectNode gap(EvidenceGap g) {
        ObjectNode node = JSON.objectNode();
        node.put("region", g.region());
        node.put("source", g.source());
        node.put("code", g.code());
        node.put("message", g.message());
        putOptional(node, "account", g.account());
        return node;
    }

    private static void putOptional(ObjectNode node, String field, Optional<String> value) {
        value.ifPresent(v -> node.put(field, v));
    }
}
