package com.quotadoctor.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.domain.AwsRegion;
import com.quotadoctor.domain.CallerIdentity;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.MetricSeries;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.domain.Probe;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaArn;
import com.quotadoctor.domain.QuotaClassifier;
import com.quotadoctor.domain.QuotaKind;
import com.quotadoctor.domain.RegionEvidence;
import com.quotadoctor.domain.RequestStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an evidence snapshot: AWS data in the APIs' own JSON wire format (PascalCase, epoch
 * seconds), so one can be assembled from {@code aws} CLI output. Unknown fields are ignored;
 * missing sections become evidence gaps; malformed values fail with the exact place.
 */
public final class SnapshotReader {

    public static final int SCHEMA_VERSION = 1;
    /** The gap code of a section set aside because a value in it is malformed. */
    public static final String MALFORMED = "MalformedSection";
    private static final String BEDROCK = "bedrock";

    public Snapshot read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SnapshotException("snapshot file not found: " + file);
        } catch (IOException e) {
            throw new SnapshotException("cannot read snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    public Snapshot read(String text) {
        JsonNode root;
        try {
            root = JsonTree.parse(text);
        } catch (JsonProcessingException e) {
            throw new SnapshotException("snapshot is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SnapshotException("cannot read snapshot: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SnapshotException("snapshot: expected a JSON object");
        }
        WireNode top = new WireNode(root, "");
        int version = top.field("schemaVersion").number().map(Double::intValue).orElse(SCHEMA_VERSION);
        if (version > SCHEMA_VERSION) {
            throw top.field("schemaVersion").problem("version " + version + " is newer than this tool reads ("
                    + SCHEMA_VERSION + ")");
        }
        Instant capturedAt = top.field("capturedAt").requiredInstant();
        List<EvidenceGap> gaps = new ArrayList<>();
        Optional<CallerIdentity> caller = Optional.empty();
        try {
            caller = caller(top.field("caller"));
            if (caller.isEmpty()) {
                gaps.add(new EvidenceGap("global", "caller", EvidenceGap.NOT_COLLECTED,
                        "the caller identity (sts GetCallerIdentity) was not collected"));
            }
        } catch (SnapshotException e) {
            gaps.add(new EvidenceGap("global", "caller", MALFORMED, e.getMessage()));
        }
        Map<String, RegionEvidence> regions = new LinkedHashMap<>();
        WireNode regionsNode = top.field("regions");
        if (!regionsNode.present()) {
            gaps.add(new EvidenceGap("global", "regions", EvidenceGap.NOT_COLLECTED, "no region was collected"));
        } else if (!regionsNode.node().isObject()) {
            throw regionsNode.problem("expected an object keyed by region name");
        } else {
            Iterator<String> names = regionsNode.node().fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                WireNode regionNode = regionsNode.field(name);
                if (!AwsRegion.isKnown(name)) {
                    throw regionNode.problem("unknown region '" + name + "'");
                }
                regions.put(name, region(name, regionNode));
            }
        }
        Evidence evidence = new Evidence(capturedAt, caller, regions, gaps);
        return new Snapshot(evidence, request(top.field("request")));
    }

    private static Optional<CallerIdentity> caller(WireNode node) {
        if (!node.present()) {
            return Optional.empty();
        }
        return Optional.of(new CallerIdentity(node.field("Account").requiredText(), node.field("Arn").text().orElse(""),
                node.field("UserId").text().orElse("")));
    }

    /**
     * One region's evidence. A section with a malformed value is set aside as a gap naming the exact
     * place, and the rest of the region is kept: one bad value must not cost the whole diagnosis.
     */
    private RegionEvidence region(String region, WireNode node) {
        Set<EvidenceSection> collected = EnumSet.noneOf(EvidenceSection.class);
        for (EvidenceSection section : EvidenceSection.values()) {
            if (node.field(section.snapshotField()).present()) {
                collected.add(section);
            }
        }
        List<EvidenceGap> errors = new ArrayList<>(node.field("errors").list(n -> new EvidenceGap(region,
                n.field("Operation").requiredText(), n.field("Code").text().orElse("Error"),
                n.field("Message").text().orElse(""))));
        Sections sections = new Sections(region, node, collected, errors);
        List<RawQuota> applied = sections.read(EvidenceSection.SERVICE_QUOTAS, SnapshotReader::rawQuota);
        List<RawQuota> defaults = sections.read(EvidenceSection.DEFAULT_QUOTAS, SnapshotReader::rawQuota);
        List<Quota> quotas = merge(region, applied, defaults);
        List<IncreaseRequest> requests = sections.read(EvidenceSection.REQUESTED_CHANGES,
                n -> increaseRequest(region, n, quotas)).stream()
                .flatMap(Optional::stream)
                .toList();
        List<MetricSeries> metrics = sections.read(EvidenceSection.METRICS, SnapshotReader::metric);
        List<FailedCall> calls = sections.read(EvidenceSection.FAILED_CALLS, n -> failedCall(region, n));
        List<Probe> probes = sections.read(EvidenceSection.PROBES, n -> probe(region, n));
        return new RegionEvidence(region, collected, quotas, requests, metrics, calls, probes, errors);
    }

    /** Reads a region's sections, turning a malformed one into a gap instead of a failure. */
    private record Sections(String region, WireNode node, Set<EvidenceSection> collected, List<EvidenceGap> errors) {

        <T> List<T> read(EvidenceSection section, java.util.function.Function<WireNode, T> element) {
            try {
                return node.field(section.snapshotField()).list(element);
            } catch (SnapshotException e) {
                collected.remove(section);
                errors.add(new EvidenceGap(region, section.snapshotField(), MALFORMED, e.getMessage()));
                return List.of();
            }
        }
    }

    /** One {@code ServiceQuota} object, before the applied and default lists are merged. */
    private record RawQuota(String code, Optional<String> name, Optional<String> serviceCode, Optional<QuotaArn> arn,
                            Optional<Double> value, Optional<Boolean> adjustable) {
    }

    private static RawQuota rawQuota(WireNode n) {
        Optional<String> arnText = n.field("QuotaArn").text();
        Optional<QuotaArn> arn = arnText.flatMap(QuotaArn::parse);
        return new RawQuota(n.field("QuotaCode").requiredText(), n.field("QuotaName").text(), n.field("ServiceCode").text(),
                arn, n.field("Value").number(), n.field("Adjustable").bool());
    }

    /** Applied values merged with the defaults: ListServiceQuotas leaves out quotas that only have a default. */
    private static List<Quota> merge(String region, List<RawQuota> applied, List<RawQuota> defaults) {
        Map<String, RawQuota> appliedByCode = new LinkedHashMap<>();
        applied.stream().filter(SnapshotReader::isBedrock).forEach(q -> appliedByCode.put(q.code(), q));
        Map<String, RawQuota> defaultByCode = new LinkedHashMap<>();
        defaults.stream().filter(SnapshotReader::isBedrock).forEach(q -> defaultByCode.put(q.code(), q));
        Set<String> codes = new java.util.LinkedHashSet<>(defaultByCode.keySet());
        codes.addAll(appliedByCode.keySet());
        List<Quota> merged = new ArrayList<>();
        for (String code : codes) {
            Optional<RawQuota> a = Optional.ofNullable(appliedByCode.get(code));
            Optional<RawQuota> d = Optional.ofNullable(defaultByCode.get(code));
            String name = a.flatMap(RawQuota::name).or(() -> d.flatMap(RawQuota::name))
                    .or(() -> QuotaClassifier.knownName(code)).orElse(code);
            merged.add(new Quota(code, name, QuotaClassifier.classify(code, name),
                    a.flatMap(RawQuota::arn).map(QuotaArn::region).orElse(region),
                    a.flatMap(RawQuota::arn).flatMap(QuotaArn::account),
                    a.flatMap(RawQuota::value), d.flatMap(RawQuota::value),
                    a.flatMap(RawQuota::adjustable).or(() -> d.flatMap(RawQuota::adjustable))));
        }
        return merged;
    }

    private static boolean isBedrock(RawQuota q) {
        return q.serviceCode().map(BEDROCK::equalsIgnoreCase).orElse(true);
    }

    /**
     * Names drift and codes stay: a request keeps the name it was filed under, so it is classified by
     * the catalogue's current name for its code when the catalogue has it.
     */
    private Optional<IncreaseRequest> increaseRequest(String listedIn, WireNode n, List<Quota> catalogue) {
        if (n.field("ServiceCode").text().map(s -> !BEDROCK.equalsIgnoreCase(s)).orElse(false)) {
            return Optional.empty(); // another service's request, listed when the history was not filtered
        }
        String code = n.field("QuotaCode").requiredText();
        Optional<QuotaArn> arn = n.field("QuotaArn").text().flatMap(QuotaArn::parse);
        String name = n.field("QuotaName").text().or(() -> QuotaClassifier.knownName(code)).orElse(code);
        String rawStatus = n.field("Status").text().orElse("UNKNOWN");
        Requester requester = Requester.parse(n.field("Requester"));
        QuotaKind kind = catalogue.stream().filter(q -> q.code().equalsIgnoreCase(code)).findFirst()
                .map(Quota::kind)
                .filter(k -> k != QuotaKind.UNRECOGNISED)
                .orElseGet(() -> QuotaClassifier.classify(code, name));
        return Optional.of(new IncreaseRequest(n.field("Id").requiredText(), n.field("CaseId").text(), code, name,
                kind, n.field("DesiredValue").requiredNumber(),
                RequestStatus.fromWire(rawStatus), rawStatus, n.field("Created").instant(),
                n.field("LastUpdated").instant(), arn.map(QuotaArn::region).orElse(listedIn),
                requester.accountId().or(() -> arn.flatMap(QuotaArn::account)), requester.callerArn()));
    }

    private static MetricSeries metric(WireNode n) {
        // GetMetricData results carry only Id and Label; the snapshot adds MetricName and ModelId, else the label has them
        Optional<String> label = n.field("Label").text();
        String[] labelParts = label.map(l -> l.split("\\s+", 2)).orElse(new String[0]);
        String metricName = n.field("MetricName").text()
                .or(() -> labelParts.length > 0 ? Optional.of(labelParts[0]) : Optional.empty())
                .orElseThrow(() -> n.field("MetricName").problem("is required (or a Label \"<MetricName> <ModelId>\")"));
        String modelId = n.field("ModelId").text()
                .or(() -> labelParts.length > 1 ? Optional.of(labelParts[1].trim()) : Optional.empty())
                .orElseThrow(() -> n.field("ModelId").problem("is required (or a Label \"<MetricName> <ModelId>\")"));
        int period = n.field("PeriodSeconds").number().map(Double::intValue).orElse(60);
        List<Instant> times = n.field("Timestamps").list(WireNode::requiredInstant);
        List<Double> values = n.field("Values").list(WireNode::requiredNumber);
        try {
            return new MetricSeries(metricName, modelId, n.field("Stat").text().orElse("Sum"), period, times, values);
        } catch (IllegalArgumentException e) {
            throw n.problem(e.getMessage());
        }
    }

    private static FailedCall failedCall(String region, WireNode n) {
        return new FailedCall(n.field("EventTime").requiredInstant(), n.field("AwsRegion").text().orElse(region),
                n.field("EventName").text().orElse("InvokeModel"), n.field("AccountId").text(),
                n.field("PrincipalArn").text(), n.field("ModelId").text(), n.field("ErrorCode").requiredText(),
                n.field("ErrorMessage").text());
    }

    private static Probe probe(String region, WireNode n) {
        return new Probe(region, n.field("ModelId").requiredText(), n.field("Outcome").requiredText(),
                n.field("Message").text(), n.field("LatencyMs").number().map(Double::longValue));
    }

    private static DiagnosisRequest request(WireNode n) {
        if (!n.present()) {
            return DiagnosisRequest.empty();
        }
        List<String> regions = n.field("regions").list(r -> {
            String name = r.requiredText();
            if (!AwsRegion.isKnown(name)) {
                throw r.problem("unknown region '" + name + "'");
            }
            return name;
        });
        List<ModelId> models = n.field("modelIds").list(m -> {
            try {
                return ModelId.parse(m.requiredText());
            } catch (IllegalArgumentException e) {
                throw m.problem(e.getMessage());
            }
        });
        WireNode error = n.field("error");
        ErrorSignal signal = error.present()
                ? new ErrorSignal(error.field("code").text(), error.field("message").text())
                : ErrorSignal.NONE;
        int attempt = n.field("attempt").number().map(Double::intValue).orElse(1);
        if (attempt < 1) {
            throw n.field("attempt").problem("must be 1 or more");
        }
        return new DiagnosisRequest(n.field("account").text(), regions, models, n.field("requestId").text(),
                n.field("quotaCode").text(), signal, attempt, n.field("deadline").instant());
    }
}
