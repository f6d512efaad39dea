package com.quotadoctor.diagnosis;

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
import com.quotadoctor.domain.QuotaClassifier;
import com.quotadoctor.domain.RegionEvidence;
import com.quotadoctor.domain.RequestStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/** Builds evidence for rule tests in the domain's own terms, one fact per call. */
final class Scenario {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String ACCOUNT = "111122223333";
    static final String SONNET_45 = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String TPM_SONNET_45 = "L-F4DDD3EB";
    static final String RPM_SONNET_45 = "L-4A6BFAB1";
    static final String TPD_SONNET_45 = "L-381AD9EE";
    static final String MSG_TPM = "Too many tokens, please wait before trying again.";

    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final List<EvidenceGap> gaps = new ArrayList<>();
    private Optional<CallerIdentity> caller = Optional.of(new CallerIdentity(ACCOUNT, "arn:aws:sts::" + ACCOUNT + ":assumed-role/r/x", "AROA:x"));
    private DiagnosisRequest request = DiagnosisRequest.empty();
    private Settings settings = Settings.defaults();

    /** One region's evidence; every section starts collected and empty. */
    final class Region {
        final String name;
        final Set<EvidenceSection> collected = EnumSet.allOf(EvidenceSection.class);
        final List<Quota> quotas = new ArrayList<>();
        final List<IncreaseRequest> requests = new ArrayList<>();
        final List<MetricSeries> metrics = new ArrayList<>();
        final List<FailedCall> calls = new ArrayList<>();
        final List<Probe> probes = new ArrayList<>();
        final List<EvidenceGap> errors = new ArrayList<>();

        Region(String name) {
            this.name = name;
        }

        Region quota(String code, Double applied, Double awsDefault, Boolean adjustable) {
            String name = QuotaClassifier.knownName(code).orElseThrow();
            quotas.add(new Quota(code, name, QuotaClassifier.classify(code, name), this.name, Optional.of(ACCOUNT),
                    Optional.ofNullable(applied), Optional.ofNullable(awsDefault), Optional.ofNullable(adjustable)));
            return this;
        }

        Region quota(String code, double applied, double awsDefault) {
            return quota(code, applied, awsDefault, true);
        }

        Region namedQuota(String code, String quotaName, double applied, double awsDefault, boolean adjustable) {
            quotas.add(new Quota(code, quotaName, QuotaClassifier.classify(code, quotaName), this.name, Optional.of(ACCOUNT),
                    Optional.of(applied), Optional.of(awsDefault), Optional.of(adjustable)));
            return this;
        }

        Region request(String id, String code, double desired, String status, Duration createdAgo, Duration updatedAgo) {
            return request(id, code, desired, status, createdAgo, updatedAgo, ACCOUNT);
        }

        Region request(String id, String code, double desired, String status, Duration createdAgo, Duration updatedAgo,
                       String account) {
            String quotaName = QuotaClassifier.knownName(code).orElse(code);
            requests.add(new IncreaseRequest(id, Optional.of("1764" + id.hashCode()), code, quotaName,
                    QuotaClassifier.classify(code, quotaName), desired, RequestStatus.fromWire(status), status,
                    Optional.of(NOW.minus(createdAgo)), Optional.of(NOW.minus(updatedAgo)), name,
                    Optional.of(account), Optional.empty()));
            return this;
        }

        Region failedCall(String model, String message) {
            return failedCall(model, message, ACCOUNT);
        }

        /** A call that failed {@code ago} before capture. */
        Region failedCallAgo(String model, String message, Duration ago) {
            calls.add(new FailedCall(NOW.minus(ago), name, "Converse", Optional.of(ACCOUNT), Optional.empty(),
                    Optional.of(model), "ThrottlingException", Optional.ofNullable(message)));
            return this;
        }

        Region failedCall(String model, String message, String account) {
            calls.add(new FailedCall(NOW.minusSeconds(120), name, "Converse", Optional.of(account), Optional.empty(),
                    Optional.of(model), "ThrottlingException", Optional.ofNullable(message)));
            return this;
        }

        /** A per-minute series over the last {@code values.length} minutes, the last one ending just before capture. */
        Region series(String metric, String model, double... values) {
            return seriesEvery(60, metric, model, values);
        }

        /** A per-minute series read in another account's CloudWatch (through its role). */
        Region seriesOf(String account, String metric, String model, double... values) {
            int n = values.length;
            List<Instant> times = IntStream.range(0, n).mapToObj(i -> NOW.minusSeconds(60L * (n - i))).toList();
            List<Double> vals = IntStream.range(0, n).mapToObj(i -> values[i]).toList();
            metrics.add(new MetricSeries(metric, model, "Sum", 60, times, vals, Optional.of(account)));
            return this;
        }

        Region seriesEvery(int period, String metric, String model, double... values) {
            int n = values.length;
            List<Instant> times = IntStream.range(0, n).mapToObj(i -> NOW.minusSeconds((long) period * (n - i))).toList();
            List<Double> vals = IntStream.range(0, n).mapToObj(i -> values[i]).toList();
            metrics.add(new MetricSeries(metric, model, "Sum", period, times, vals));
            return this;
        }

        Region probe(String model, String outcome) {
            probes.add(new Probe(name, model, outcome, Optional.empty(), Optional.of(800L)));
            return this;
        }

        Region notCollected(EvidenceSection section) {
            collected.remove(section);
            return this;
        }

        Region error(String operation, String code) {
            errors.add(EvidenceGap.in(name, operation, code, code + " from " + operation));
            return this;
        }

        Scenario done() {
            return Scenario.this;
        }

        RegionEvidence build() {
            return new RegionEvidence(name, collected, quotas, requests, metrics, calls, probes, List.of(), errors);
        }
    }

    Region region(String name) {
        return regions.computeIfAbsent(name, Region::new);
    }

    Scenario request(List<String> regionNames, String... models) {
        request = new DiagnosisRequest(Optional.empty(), regionNames,
                List.of(models).stream().map(ModelId::parse).toList(), Optional.empty(), Optional.empty(),
                ErrorSignal.NONE, 1, Optional.empty());
        return this;
    }

    /** The waiting loop's state: which attempt this is and the deadline it set. */
    Scenario attempt(int attempt, Optional<Instant> deadline) {
        request = new DiagnosisRequest(request.account(), request.regions(), request.models(), request.requestId(),
                request.quotaCode(), request.error(), attempt, deadline);
        return this;
    }

    /** A trigger that names one increase request and nothing else (a status change). */
    Scenario following(String requestId) {
        request = new DiagnosisRequest(Optional.empty(), List.of(), List.of(), Optional.of(requestId), Optional.empty(),
                ErrorSignal.NONE, 1, Optional.empty());
        return this;
    }

    Scenario noCaller() {
        caller = Optional.empty();
        return this;
    }

    Scenario settings(Settings value) {
        settings = value;
        return this;
    }

    Evidence evidence() {
        Map<String, RegionEvidence> built = new LinkedHashMap<>();
        regions.forEach((k, v) -> built.put(k, v.build()));
        return new Evidence(NOW, caller, built, gaps);
    }

    Diagnosis diagnose() {
        return new Diagnostician(DiagnosisRules.all(), settings).diagnose(request, evidence());
    }

    List<FindingCode> codes() {
        return diagnose().codes();
    }

    /** The standard Sonnet 4.5 cross-region catalogue of a region, at defaults unless the TPM is given. */
    Region sonnet45(String region, double appliedTpm) {
        return region(region)
                .quota(RPM_SONNET_45, 200, 200)
                .quota(TPM_SONNET_45, appliedTpm, 200000)
                .quota(TPD_SONNET_45, 144000000.0, 144000000.0, false);
    }
}
