package com.quotadoctor.evidence;


import com.quotadoctor.domain.AwsRegion;
import com.quotadoctor.domain.CallerIdentity;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.domain.InferenceProfile;
import com.quotadoctor.domain.MetricSeries;
import com.quotadoctor.domain.Probe;
import com.quotadoctor.domain.QuotaArn;
import com.quotadoctor.json.RequestJson;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.json.TextFile;
import com.quotadoctor.json.WireNode;

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
    public static final String MALFORMED = EvidenceGap.MALFORMED_SECTION;

    /** The largest snapshot read: a capture of 17 regions with the whole catalogue in each is about 15 MB. */
    public static final int LARGEST_SNAPSHOT = 64 << 20;

    public Snapshot read(Path file) {
        try {
            return read(TextFile.read(file, LARGEST_SNAPSHOT, "snapshot"));
        } catch (SnapshotException e) {
            throw e;
        } catch (ShapeException e) {
            throw new SnapshotException(e.getMessage(), e);
        }
    }

    public Snapshot read(String text) {
        return capture(text).snapshot();
    }

    /** The snapshot as collected, before interpretation: what {@link SnapshotWriter} writes back unchanged. */
    public Capture capture(String text) {
        try {
            return parse(text);
        } catch (SnapshotException e) {
            throw e;
        } catch (ShapeException e) {
            throw new SnapshotException(e.getMessage(), e);
        }
    }

    private Capture parse(String text) {
        WireNode top = WireNode.document("snapshot", text);
        int version = top.field("schemaVersion").number().map(Double::intValue).orElse(SCHEMA_VERSION);
        if (version > SCHEMA_VERSION) {
            throw top.field("schemaVersion").problem("version " + version + " is newer than this tool reads ("
                    + SCHEMA_VERSION + ")");
        }
        Instant capturedAt = top.field("capturedAt").requiredInstant();
        List<EvidenceGap> gaps = new ArrayList<>(top.field("errors").list(n -> gap(n.field("Region").text().orElse(""), n)));
        Optional<CallerIdentity> caller = Optional.empty();
        try {
            caller = caller(top.field("caller"));
        } catch (ShapeException e) {
            gaps.add(EvidenceGap.accountWide(Capture.CALLER_SOURCE, MALFORMED, e.getMessage()));
        }
        Map<String, RegionCapture> regions = new LinkedHashMap<>();
        WireNode regionsNode = top.field("regions");
        if (!regionsNode.present()) {
            gaps.add(EvidenceGap.accountWide("regions", EvidenceGap.NOT_COLLECTED, "no region was collected"));
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
        return new Capture(capturedAt, caller, regions, gaps, RequestJson.read(top.field("request"), top.field("request")));
    }

    private static EvidenceGap gap(String region, WireNode n) {
        return EvidenceGap.fromWire(region, n.field("Operation").requiredText(), n.field("Code").text().orElse("Error"),
                n.field("Message").text().orElse(""), n.field("Account").text());
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
    private RegionCapture region(String region, WireNode node) {
        Set<EvidenceSection> collected = EnumSet.noneOf(EvidenceSection.class);
        for (EvidenceSection section : EvidenceSection.values()) {
            if (node.field(section.snapshotField()).present()) {
                collected.add(section);
            }
        }
        List<EvidenceGap> errors = new ArrayList<>(node.field("errors").list(n -> gap(region, n)));
        Sections sections = new Sections(region, node, collected, errors);
        return new RegionCapture(region, collected,
                sections.read(EvidenceSection.SERVICE_QUOTAS, ListedQuota::read),
                sections.read(EvidenceSection.DEFAULT_QUOTAS, ListedQuota::read),
                sections.read(EvidenceSection.REQUESTED_CHANGES, SnapshotReader::listedRequest),
                sections.read(EvidenceSection.METRICS, SnapshotReader::metric),
                sections.read(EvidenceSection.FAILED_CALLS, n -> failedCall(region, n)),
                sections.read(EvidenceSection.PROBES, n -> probe(region, n)),
                sections.read(EvidenceSection.INFERENCE_PROFILES, SnapshotReader::inferenceProfile),
                errors, notRead(region, node.field("notRead")), readByCode(node.field("quotasReadByCode")));
    }

    /** GetServiceQuota's own pattern for a quota code (Service Quotas API reference). */
    private static final java.util.regex.Pattern QUOTA_CODE = java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{1,128}");

    /** The codes whose applied values were read one by one; absent when {@code serviceQuotas} is the whole list. */
    private static Set<String> readByCode(WireNode node) {
        Set<String> codes = new java.util.TreeSet<>();
        for (WireNode code : node.list(n -> n)) {
            String text = code.requiredText();
            if (!QUOTA_CODE.matcher(text).matches()) {
                throw code.problem("'" + text + "' is not a quota code");
            }
            codes.add(text);
        }
        return codes;
    }

    /** Sections the collection left unread on purpose, by their snapshot names; an unknown name is a malformed value. */
    private static Set<EvidenceSection> notRead(String region, WireNode node) {
        Set<EvidenceSection> out = EnumSet.noneOf(EvidenceSection.class);
        for (String name : node.list(n -> n.requiredText())) {
            out.add(java.util.Arrays.stream(EvidenceSection.values()).filter(s -> s.snapshotField().equals(name))
                    .findFirst().orElseThrow(() -> node.problem("unknown section '" + name + "' in " + region)));
        }
        return out;
    }

    /** Reads a region's sections, turning a malformed one into a gap instead of a failure. */
    private record Sections(String region, WireNode node, Set<EvidenceSection> collected, List<EvidenceGap> errors) {

        <T> List<T> read(EvidenceSection section, java.util.function.Function<WireNode, T> element) {
            try {
                return node.field(section.snapshotField()).list(element);
            } catch (ShapeException e) {
                collected.remove(section);
                errors.add(EvidenceGap.in(region, section.snapshotField(), MALFORMED, e.getMessage()));
                return List.of();
            }
        }
    }

    private static ListedRequest listedRequest(WireNode n) {
        Requester requester = Requester.parse(n.field("Requester"));
        return shaped(n, () -> new ListedRequest(n.field("Id").requiredText(), n.field("CaseId").text(),
                n.field("ServiceCode").text(), n.field("QuotaCode").requiredText(), n.field("QuotaName").text(),
                n.field("DesiredValue").requiredNumber(), n.field("Status").text().orElse("UNKNOWN"),
                n.field("Created").instant(), n.field("LastUpdated").instant(),
                n.field("QuotaArn").text().flatMap(QuotaArn::parse), requester.accountId(), requester.callerArn()));
    }

    /** A value the record refuses (an id off AWS's pattern) is a malformed value at its place: it costs its section. */
    static <T> T shaped(WireNode n, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (com.quotadoctor.json.ShapeException e) {
            throw e; // already names its place
        } catch (com.quotadoctor.domain.BadInputException e) {
            throw n.problem(e.getMessage());
        }
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
            Optional<String> account = n.field("Account").text();
            account.filter(a -> !com.quotadoctor.domain.AccountId.isValid(a)).ifPresent(a -> {
                throw n.field("Account").problem("expected a 12-digit account id, got '" + a + "'");
            });
            return new MetricSeries(metricName, modelId, n.field("Stat").text().orElse("Sum"), period, times, values, account);
        } catch (IllegalArgumentException e) {
            throw n.problem(e.getMessage());
        }
    }

    private static FailedCall failedCall(String region, WireNode n) {
        return shaped(n, () -> new FailedCall(n.field("EventTime").requiredInstant(),
                n.field("AwsRegion").text().orElse(region), n.field("EventName").text().orElse("InvokeModel"),
                n.field("AccountId").text(), n.field("PrincipalArn").text(), n.field("ModelId").text(),
                n.field("ErrorCode").requiredText(), n.field("ErrorMessage").text(),
                // a tier this version does not know costs the tier, never the call (as from CloudTrail)
                n.field("ServiceTier").text().map(t -> t.trim().toLowerCase(java.util.Locale.ROOT))
                        .filter(FailedCall.TIERS::contains)));
    }

    /** A GetInferenceProfile response as Bedrock sends it: REST JSON, camelCase. */
    private static InferenceProfile inferenceProfile(WireNode n) {
        return shaped(n, () -> new InferenceProfile(n.field("inferenceProfileArn").requiredText(),
                n.field("inferenceProfileId").requiredText(), n.field("inferenceProfileName").text(),
                n.field("type").text(), n.field("status").text(),
                n.field("models").list(m -> m.field("modelArn").requiredText())));
    }

    private static Probe probe(String region, WireNode n) {
        return new Probe(region, n.field("ModelId").requiredText(), n.field("Outcome").requiredText(),
                n.field("Message").text(), n.field("LatencyMs").number().map(Double::longValue));
    }

}
