package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.InferenceFamily;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaMetric;
import com.quotadoctor.domain.RequestStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every plan must hold, whatever the evidence: one value per quota, region and account; never below the AWS
 * default, the applied value or an open or approved request's desired value; no new request while one is open or
 * being applied; no per-minute increase beside a spent daily budget; no advice that does not fit the calls; every
 * command with its region, every Support command with the identifier its flag takes, no GNU-only shell.
 */
final class PlanInvariants {

    private PlanInvariants() {
    }

    /**
     * The most any increase may ask, computed apart from the planner: the largest of every request of the quota's
     * metric AWS did not refuse (the team's intent, wherever filed), the busiest demand of that metric + 25 % rounded up
     * to two significant figures, and the AWS default. A request above it is not backed by the evidence.
     */
    private static double ceiling(Diagnosis d, Evidence evidence, Quota q) {
        double intent = evidence.requests().filter(r -> !r.status().isRefused() && (r.kind().metric() == q.kind().metric()
                        || r.quotaCode().equalsIgnoreCase(q.code())))
                .mapToDouble(IncreaseRequest::desiredValue).max().orElse(0);
        double peak = Situation.of(d.request(), evidence, Settings.defaults()).workloads().stream()
                .map(w -> Facts.demandFor(w, q.kind().metric())).flatMap(Optional::stream)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        return Math.max(Math.max(intent, Facts.readable(peak * 1.25)), q.awsDefault().orElse(0.0));
    }

    static void hold(Diagnosis d, Evidence evidence) {
        d.justification().ifPresent(j -> assertThat(j).as("the justification states the value asked")
                .doesNotContain("Asking more"));
        // requests per minute, one truth: never "not enforced" beside a plan (or a finding) that says it applies
        d.findings().forEach(f -> assertThat(f.explanation()).as("RPM, one truth")
                .doesNotContain("stopped enforcing").doesNotContain("no longer enforces"));
        // every value asked is stated in the justification
        d.justification().ifPresent(j -> d.plan().stream()
                .filter(p -> p.kind() == PlanStep.Kind.REQUEST_INCREASE && p.value().isPresent())
                .forEach(p -> assertThat(j).as("the justification states %s", p.quotaCode())
                        .contains("Asking " + Format.text(p.value().get()) + " for " + p.quotaCode().orElseThrow())));
        Map<String, Double> values = new HashMap<>();
        for (PlanStep step : d.plan()) {
            step.command().ifPresent(c -> {
                assertThat(c).as("command names its region").contains("--region ");
                assertThat(c).as("portable shell").doesNotContain("date -d").doesNotContain("date -u -d");
                if (c.contains("describe-cases")) {
                    assertThat(c).as("describe-cases takes the display id").contains("--display-id ")
                            .contains("--include-resolved-cases").doesNotContain("--case-id-list");
                }
                if (c.contains("add-communication-to-case")) {
                    assertThat(c).as("add-communication-to-case takes the case-… id, resolved from the display id")
                            .contains("--case-id \"$(aws support describe-cases --display-id ");
                }
            });
            if (step.kind() != PlanStep.Kind.REQUEST_INCREASE || step.value().isEmpty()) {
                continue;
            }
            String code = step.quotaCode().orElseThrow();
            String region = step.region().orElseThrow();
            Optional<String> account = step.account().or(evidence::callerAccount);
            String key = code.toUpperCase(Locale.ROOT) + "|" + region + "|" + account.orElse("");
            assertThat(values.put(key, step.value().get())).as("one value for %s", key).isNull();
            double value = step.value().get();
            assertThat(step.command()).hasValueSatisfying(c -> assertThat(c).contains("--desired-value " + Format.plain(value)));
            Optional<Quota> quota = evidence.region(region).flatMap(r -> r.quota(code, account));
            quota.flatMap(Quota::awsDefault).ifPresent(dflt -> assertThat(value).as("%s not below the default", key)
                    .isGreaterThanOrEqualTo(dflt));
            quota.flatMap(Quota::effectiveValue).ifPresent(now -> assertThat(value).as("%s above what applies", key)
                    .isGreaterThan(now));
            quota.ifPresent(q -> assertThat(value).as("%s asks no more than the evidence backs (applied %s, default %s): %s",
                            key, q.effectiveValue(), q.awsDefault(), step)
                    .isLessThanOrEqualTo(ceiling(d, evidence, q)));
            for (IncreaseRequest r : requestsFor(evidence, code, region, account)) {
                assertThat(r.status().isOpen() || r.status() == RequestStatus.UNKNOWN)
                        .as("no new request for %s while %s is %s", key, r.id(), r.rawStatus()).isFalse();
                boolean applying = r.status() == RequestStatus.APPROVED
                        && quota.flatMap(Quota::effectiveValue).map(v -> v < r.desiredValue()).orElse(true);
                assertThat(applying).as("no new request for %s while %s is being applied", key, r.id()).isFalse();
                // never below a request that is open or approved; one AWS closed without (fully) granting it sets no floor
                if (!r.status().isRefused() && r.status() != RequestStatus.CASE_CLOSED) {
                    assertThat(value).as("%s not below request %s", key, r.id()).isGreaterThanOrEqualTo(r.desiredValue());
                }
            }
        }
        for (Finding daily : d.findings()) {
            if (daily.code() != FindingCode.DAILY_QUOTA_EXHAUSTED || daily.severity() == Severity.INFO) {
                continue;
            }
            for (Finding f : d.findings()) {
                if (!f.region().equals(daily.region()) || !f.modelId().equals(daily.modelId())
                        || !f.account().equals(daily.account())) {
                    continue;
                }
                for (PlanStep step : f.remediation()) {
                    if (step.kind() == PlanStep.Kind.REQUEST_INCREASE && step.value().isPresent()) {
                        QuotaMetric metric = evidence.region(step.region().orElseThrow())
                                .flatMap(r -> r.quota(step.quotaCode().orElseThrow(), step.account()))
                                .map(q -> q.kind().metric()).orElse(QuotaMetric.OTHER);
                        assertThat(metric.isDaily() || metric == QuotaMetric.OTHER)
                                .as("no per-minute increase while the daily budget of %s is spent", f.modelId()).isTrue();
                    }
                }
            }
        }
        for (Finding f : d.findings()) {
            boolean onProfile = f.modelId().map(m -> {
                try {
                    return ModelId.parse(m).family() != InferenceFamily.ON_DEMAND;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }).orElse(false);
            if (onProfile) {
                f.remediation().forEach(step -> assertThat(step.action())
                        .as("no cross-region profile advice to calls already on one").doesNotContain("spread load across a cross-region profile"));
            }
        }
    }

    private static List<IncreaseRequest> requestsFor(Evidence evidence, String code, String region, Optional<String> account) {
        return evidence.requests().filter(r -> r.quotaCode().equalsIgnoreCase(code) && r.region().equals(region)
                && r.account().or(evidence::callerAccount).equals(account)).toList();
    }
}
