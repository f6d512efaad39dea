package com.quotadoctor.capacity;

import com.quotadoctor.domain.CallerIdentity;
import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.InferenceProfile;
import com.quotadoctor.domain.Quota;
import com.quotadoctor.domain.QuotaClassifier;
import com.quotadoctor.domain.RealCatalogue;
import com.quotadoctor.domain.RegionEvidence;
import com.quotadoctor.domain.RequestStatus;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.json.TrafficJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expected traffic against the real Bedrock catalogue (src/test/resources/catalogue): every inference family finds the
 * governing codes of governing-quotas.tsv, the table written by hand from the quota names; the arithmetic is pinned.
 * The fixture predates bedrock-mantle, so the Mantle test adds two quotas named as AWS names them.
 */
class CapacityPlannerTest {

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "111122223333";
    private static final String PROFILE = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6";

    /** The catalogue with every quota applied at {@code applied} (AWS default the same), plus the given requests. */
    private static Evidence evidence(double applied, List<Quota> extra, List<IncreaseRequest> requests) throws IOException {
        List<Quota> quotas = new ArrayList<>();
        for (Quota q : RealCatalogue.quotas(false, REGION)) {
            quotas.add(new Quota(q.code(), q.name(), q.kind(), REGION, Optional.of(ACCOUNT), Optional.of(applied),
                    Optional.of(applied), Optional.of(true)));
        }
        quotas.addAll(extra);
        InferenceProfile profile = new InferenceProfile(PROFILE, "a1b2c3d4e5f6", Optional.of("team-search"),
                Optional.of("APPLICATION"), Optional.of("ACTIVE"), List.of(
                "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",
                "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",
                "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"));
        RegionEvidence region = new RegionEvidence(REGION, Set.of(EvidenceSection.SERVICE_QUOTAS,
                EvidenceSection.DEFAULT_QUOTAS, EvidenceSection.REQUESTED_CHANGES, EvidenceSection.INFERENCE_PROFILES),
                quotas, requests, List.of(), List.of(), List.of(), List.of(profile), List.of());
        return new Evidence(Instant.parse("2026-11-25T10:00:00Z"), Optional.of(new CallerIdentity(ACCOUNT,
                "arn:aws:iam::" + ACCOUNT + ":user/planner", "AIDA")), Map.of(REGION, region), List.of());
    }

    private static String traffic(String model, String endpoint, int peak, int output) {
        return "workloads:\n  - name: w\n    model: " + model + "\n    regions: [" + REGION + "]\n    endpoint: " + endpoint
                + "\n    callsPerMinute: {peak: " + peak + ", usual: " + (peak / 2) + "}\n    tokensPerCall: {input: 3000, "
                + "output: " + output + "}\n    maxTokens: 4096\n";
    }

    private static CapacityPlan plan(String traffic, Evidence evidence) {
        return new CapacityPlanner().plan(TrafficJson.read("traffic", traffic), evidence);
    }

    /** The governing codes per metric, from the hand-written table. */
    private static Map<String, String> expected(String modelId) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String[] row : RealCatalogue.rows("governing-quotas.tsv")) {
            if (row[0].equals(modelId) && !row[3].equals("-") && !row[2].equals("CONCURRENT_REQUESTS")) {
                out.put(row[2], row[3]);
            }
        }
        return out;
    }

    private static Map<String, String> planned(CapacityPlan plan) {
        Map<String, String> out = new TreeMap<>();
        plan.needs().stream().filter(n -> n.quota().isPresent()).forEach(n -> out.put(
                n.quota().get().kind().metric().name(), n.quota().get().code()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "amazon.nova-pro-v1:0, amazon.nova-pro-v1:0",
            "us.amazon.nova-pro-v1:0, us.amazon.nova-pro-v1:0",
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0, us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "global.anthropic.claude-sonnet-4-5-20250929-v1:0, global.anthropic.claude-sonnet-4-5-20250929-v1:0",
            // an application profile copying the us. system profile (three US regions) draws on its quotas
            PROFILE + ", us.anthropic.claude-sonnet-4-5-20250929-v1:0"})
    void eachFamilyFindsTheGoverningCodesOfTheHandWrittenTable(String model, String governedAs) throws IOException {
        CapacityPlan plan = plan(traffic(model, "runtime", 10, 100), evidence(1_000_000_000, List.of(), List.of()));

        assertThat(planned(plan)).isEqualTo(expected(governedAs)).isNotEmpty();
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void theArithmeticIsPinnedBurndownReservationAndTheDailyQuota() throws IOException {
        CapacityPlan plan = plan(traffic("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "runtime", 120, 800)
                .replace("usual: 60", "usual: 40") + "    hoursPerDay: 12\n", evidence(200_000, List.of(), List.of()));

        Need tpm = need(plan, "tokens per minute");
        // settled: 120 × (3,000 + 5 × 800) = 840,000; reserved: 120 × (3,000 + 4,096) = 851,520, the larger
        assertThat(tpm.needed()).isEqualTo(851_520);
        assertThat(tpm.arithmetic()).startsWith("120 calls/min × (3,000 in + 5 × 800 out) = 840,000 settled; "
                + "reserved at start: 120 × (3,000 in + max_tokens 4,096) = 851,520, the larger");
        assertThat(tpm.verdict()).isEqualTo(Need.Verdict.RAISE);
        assertThat(tpm.ask()).contains(1_100_000.0); // 851,520 × 1.25 = 1,064,400, rounded up to two figures
        Need rpm = need(plan, "requests per minute");
        assertThat(rpm.needed()).isEqualTo(120);
        assertThat(rpm.verdict()).isEqualTo(Need.Verdict.FITS);
        Need tpd = need(plan, "tokens per day");
        // 40 × 60 × 12 × 7,000 = 201,600,000; the shared daily quota counts double for cross-region calls
        assertThat(tpd.needed()).isEqualTo(201_600_000);
        assertThat(tpd.limit()).contains(400_000.0);
        assertThat(tpd.verdict()).isEqualTo(Need.Verdict.RAISE);
        assertThat(plan.filings()).extracting(CapacityPlan.Filing::quotaCode).containsExactly("L-F4DDD3EB", "L-381AD9EE");
        assertThat(plan.needsAction()).isTrue();
    }

    @Test
    void aWorkloadThatFitsFilesNothing() throws IOException {
        CapacityPlan plan = plan(traffic("us.amazon.nova-pro-v1:0", "runtime", 10, 100),
                evidence(1_000_000_000, List.of(), List.of()));

        assertThat(plan.needs()).allSatisfy(n -> assertThat(n.verdict()).isEqualTo(Need.Verdict.FITS));
        assertThat(plan.filings()).isEmpty();
        assertThat(plan.needsAction()).isFalse();
    }

    @Test
    void workloadsSharingAQuotaAreJudgedTogetherAndFiledOnce() throws IOException {
        String one = traffic("us.amazon.nova-pro-v1:0", "runtime", 60, 100);
        String both = one + one.substring(one.indexOf("  - name")).replace("name: w", "name: v");
        // each needs 60 × (3,000 + 4,096) = 425,760 of TPM: alone each fits 500,000, together they don't
        CapacityPlan plan = plan(both, evidence(500_000, List.of(), List.of()));

        assertThat(plan.needs()).filteredOn(n -> n.measure().equals("tokens per minute"))
                .hasSize(2).allSatisfy(n -> assertThat(n.verdict()).isEqualTo(Need.Verdict.RAISE));
        assertThat(plan.filings()).filteredOn(f -> f.quotaCode().equals("L-C0326783")).singleElement().satisfies(f -> {
            assertThat(f.quotaCode()).isEqualTo("L-C0326783");
            assertThat(f.value()).isEqualTo(1_100_000); // 851,520 × 1.25 = 1,064,400 → 1,100,000
            assertThat(f.answers()).hasSize(2);
        });
    }

    @Test
    void anOpenRequestThatAsksEnoughCoversTheNeed() throws IOException {
        IncreaseRequest open = pending("r-open-1", 2_000_000);
        CapacityPlan plan = plan(traffic("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "runtime", 120, 800),
                evidence(200_000, List.of(), List.of(open)));

        Need tpm = need(plan, "tokens per minute");
        assertThat(tpm.verdict()).isEqualTo(Need.Verdict.COVERED);
        assertThat(tpm.coveredBy()).map(IncreaseRequest::id).contains("r-open-1");
        assertThat(plan.filings()).extracting(CapacityPlan.Filing::quotaCode).doesNotContain("L-F4DDD3EB");
    }

    @Test
    void mantleCountsInputPlusMaxTokensAgainstTheInputQuotaAndNoRequestsPerMinute() throws IOException {
        List<Quota> mantle = new ArrayList<>();
        for (String direction : List.of("input", "output")) {
            String name = "Bedrock Mantle " + direction + " tokens per minute for OpenAI gpt-oss-120b";
            mantle.add(new Quota("L-MANTLE" + direction.toUpperCase().charAt(0), name, QuotaClassifier.classify("L-M", name),
                    REGION, Optional.of(ACCOUNT), Optional.of(100_000.0), Optional.of(100_000.0), Optional.of(true)));
        }
        CapacityPlan plan = plan(traffic("openai.gpt-oss-120b-1:0", "mantle", 20, 500), evidence(1, mantle, List.of()));

        Need input = need(plan, "Mantle input tokens per minute");
        assertThat(input.quota()).map(Quota::code).contains("L-MANTLEI");
        assertThat(input.needed()).isEqualTo(20 * (3_000 + 4_096)); // cached input not counted; max_tokens is
        assertThat(input.verdict()).isEqualTo(Need.Verdict.RAISE);
        Need output = need(plan, "Mantle output tokens per minute");
        assertThat(output.quota()).map(Quota::code).contains("L-MANTLEO");
        assertThat(output.needed()).isEqualTo(10_000);
        assertThat(output.verdict()).isEqualTo(Need.Verdict.FITS);
        assertThat(plan.needs()).noneMatch(n -> n.measure().contains("requests"));
    }

    @Test
    void aQuotaThatCantBeRaisedNamesAFamilyWhoseQuotaFits() throws IOException {
        Evidence fixed = with(evidence(1_000_000, List.of(), List.of()), new Change("L-CE33604C", false, 1_000.0));

        CapacityPlan plan = plan(traffic("amazon.nova-pro-v1:0", "runtime", 10, 100), fixed);

        Need tpm = need(plan, "tokens per minute");
        assertThat(tpm.verdict()).isEqualTo(Need.Verdict.NOT_ADJUSTABLE);
        assertThat(tpm.alternative()).hasValueSatisfying(a -> assertThat(a)
                .startsWith("call us.amazon.nova-pro-v1:0 instead: its tokens per minute quota L-C0326783 applies 1,000,000, "
                        + "enough for the 70,960 it would then carry"));
        assertThat(plan.needsAction()).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "workloads: []|traffic: workloads: names no workload",
            "workloads: [{model: amazon.nova-pro-v1:0, regions: [us-east-1], callsPerMinute: {peak: 10}, tokensPerCall: {input: 10}, maxTokens: 9}]|traffic: workloads[0].tokensPerCall.output: is required",
            "workloads: [{model: amazon.nova-pro-v1:0, regions: [us-east-1], callsPerMinute: {peak: 10}, tokensPerCall: {input: 1, output: 1}}]|traffic: workloads[0].maxTokens: is required",
            "workloads: [{model: amazon.nova-pro-v1:0, regions: [us-east-1], callsPerMinute: {peak: 10}, tokensPerCall: {input: 1, output: 1}, maxtokens: 9}]|traffic: workloads[0]: unknown field 'maxtokens' (did you mean 'maxTokens'?",
            "workloads: [{model: amazon.nova-pro-v1:0, regions: [us-east-1, us-east-1], callsPerMinute: {peak: 10}, tokensPerCall: {input: 1, output: 1}, maxTokens: 9}]|traffic: workloads[0].regions: lists a region twice",
            "workloads: [{model: amazon.nova-pro-v1:0, regions: [us-east-1], callsPerMinute: {peak: 10}, tokensPerCall: {input: 1, output: 1}, maxTokens: 9, maxTokens: 99}]|traffic is not valid YAML",
            "workloads: [{name: a, model: amazon.nova-pro-v1:0, regions: [us-east-1], callsPerMinute: {peak: 1}, tokensPerCall: {input: 1, output: 1}, maxTokens: 9}, {name: a, model: amazon.nova-pro-v1:0, regions: [us-east-1], callsPerMinute: {peak: 1}, tokensPerCall: {input: 1, output: 1}, maxTokens: 9}]|traffic: workloads: two workloads are named 'a'",
            "workloads: [{model: amazon.nova-pro-v1:0, regions: [us-middle-1], callsPerMinute: {peak: 10}, tokensPerCall: {input: 1, output: 1}, maxTokens: 9}]|traffic: workloads[0].regions[0]: unknown region 'us-middle-1'",
            "workloads: [{model: 'nova pro', regions: [us-east-1], callsPerMinute: {peak: 10}, tokensPerCall: {input: 1, output: 1}, maxTokens: 9}]|traffic: workloads[0].model: malformed model id",
            "workloads: [{model: amazon.nova-pro-v1:0, regions: [us-east-1], callsPerMinute: {peak: 10, usual: 20}, tokensPerCall: {input: 1, output: 1}, maxTokens: 9}]|traffic: workloads[0].callsPerMinute.usual: is above peak",
            "workloads: [{model: amazon.nova-pro-v1:0, regions: [us-east-1], callsPerMinute: {peak: 10}, tokensPerCall: {input: 1, output: 900}, maxTokens: 100}]|traffic: workloads[0].maxTokens: is below the output tokens per call",
            "workloads: [{model: amazon.nova-pro-v1:0, regions: [us-east-1], endpoint: grpc, callsPerMinute: {peak: 10}, tokensPerCall: {input: 1, output: 1}, maxTokens: 9}]|traffic: workloads[0].endpoint: expected 'runtime' or 'mantle'",
            "a: &a [1,2]\\nb: [*a,*a]\\nworkloads: {|traffic is not valid YAML"})
    void badInputIsOneLineNamingTheField(String text, String message) {
        assertThatThrownBy(() -> TrafficJson.read("traffic", text.replace("\\n", "\n")))
                .isInstanceOf(ShapeException.class).hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** A PENDING request for the Sonnet 4.5 cross-region tokens-per-minute quota. */
    private static IncreaseRequest pending(String id, double desired) {
        String name = "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1";
        return new IncreaseRequest(id, Optional.empty(), "L-F4DDD3EB", name, QuotaClassifier.classify("L-F4DDD3EB", name),
                desired, RequestStatus.PENDING, "PENDING", Optional.empty(), Optional.empty(), REGION, Optional.of(ACCOUNT),
                Optional.empty());
    }

    /** One quota's value (applied and default) and adjustability, changed. */
    private record Change(String code, boolean adjustable, double value) {
    }

    /** The evidence with one quota changed. */
    private static Evidence with(Evidence evidence, Change change) {
        RegionEvidence region = evidence.region(REGION).orElseThrow();
        List<Quota> quotas = new ArrayList<>(region.quotas());
        quotas.replaceAll(q -> q.code().equals(change.code()) ? new Quota(q.code(), q.name(), q.kind(), REGION,
                q.account(), Optional.of(change.value()), Optional.of(change.value()), Optional.of(change.adjustable()))
                : q);
        return new Evidence(evidence.capturedAt(), evidence.caller(), Map.of(REGION, new RegionEvidence(REGION,
                region.collected(), quotas, List.of(), List.of(), List.of(), List.of(), List.of(), List.of())), List.of());
    }

    private static Need need(CapacityPlan plan, String measure) {
        return plan.needs().stream().filter(n -> n.measure().equals(measure)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + measure + " in " + plan.needs()));
    }


    @Test
    void whatCantBeJudgedIsNeverCalledFitsAndGatesTheLaunch() throws IOException {
        // a region not in the evidence, a model with no quota there, values never read for this account
        String traffic = "workloads:\n"
                + "  - {name: elsewhere, model: us.amazon.nova-pro-v1:0, regions: [eu-west-1], callsPerMinute: {peak: 1}, "
                + "tokensPerCall: {input: 1, output: 1}, maxTokens: 9}\n"
                + "  - {name: unknown, model: us.acme.rocket-v1:0, regions: [us-east-1], callsPerMinute: {peak: 1}, "
                + "tokensPerCall: {input: 1, output: 1}, maxTokens: 9}\n"
                + "  - {name: other-account, account: '444455556666', model: us.amazon.nova-pro-v1:0, regions: [us-east-1], "
                + "callsPerMinute: {peak: 1}, tokensPerCall: {input: 1, output: 1}, maxTokens: 9}\n";

        CapacityPlan plan = plan(traffic, evidence(1_000_000_000, List.of(), List.of()));

        assertThat(plan.needs()).noneMatch(n -> n.verdict() == Need.Verdict.FITS);
        assertThat(plan.needs()).filteredOn(n -> n.workload().equals("elsewhere")).singleElement()
                .satisfies(n -> assertThat(n.arithmetic()).startsWith("the region's quotas were not read"));
        assertThat(plan.needs()).filteredOn(n -> n.workload().equals("unknown"))
                .allSatisfy(n -> assertThat(n.verdict()).isEqualTo(Need.Verdict.NO_QUOTA));
        assertThat(plan.needs()).filteredOn(n -> n.workload().equals("other-account"))
                .allSatisfy(n -> assertThat(n.verdict()).isEqualTo(Need.Verdict.UNKNOWN));
        assertThat(plan.needsAction()).isTrue();
        assertThat(plan.filings()).isEmpty();
    }

    @Test
    void anOpenRequestAskingTooLittleBlocksTheFilingAndSaysWhy() throws IOException {
        IncreaseRequest open = pending("r-open-2", 500_000);
        CapacityPlan plan = plan(traffic("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "runtime", 120, 800),
                evidence(200_000, List.of(), List.of(open)));

        Need tpm = need(plan, "tokens per minute");
        assertThat(tpm.verdict()).isEqualTo(Need.Verdict.OPEN_REQUEST_SHORT);
        assertThat(tpm.coveredBy()).map(IncreaseRequest::id).contains("r-open-2");
        assertThat(plan.filings()).extracting(CapacityPlan.Filing::quotaCode).doesNotContain("L-F4DDD3EB");
        assertThat(plan.needsAction()).isTrue();
    }

    @Test
    void headroomIsJudgedOnEveryWorkloadOnTheQuota() throws IOException {
        String one = traffic("us.amazon.nova-pro-v1:0", "runtime", 10, 100);
        String both = one + one.substring(one.indexOf("  - name")).replace("name: w", "name: v");
        // each needs 10 × 7,096 = 70,960 of TPM; together 141,920 of 150,000: 5 % left, not 52 %
        CapacityPlan plan = plan(both, evidence(150_000, List.of(), List.of()));

        assertThat(plan.needs()).filteredOn(n -> n.measure().equals("tokens per minute")).allSatisfy(n -> {
            assertThat(n.verdict()).isEqualTo(Need.Verdict.FITS);
            assertThat(n.total()).isEqualTo(141_920);
            assertThat(n.headroom()).hasValueSatisfying(h -> assertThat(h).isBetween(0.05, 0.06));
        });
    }

    @Test
    void anAlternativeIsJudgedOnWhatItWouldCarryAndNeverTheStuckQuotaItself() throws IOException {
        // on-demand Nova Pro TPM can't be raised; the cross-region one applies 100,000
        Evidence fixed = with(with(evidence(1_000_000, List.of(), List.of()), new Change("L-CE33604C", false, 1_000.0)),
                new Change("L-C0326783", true, 100_000.0));
        // a us. workload already needs 10 × 7,096 = 70,960 of the cross-region quota; moving the on-demand one there
        // too would need 141,920 of its 100,000
        String onDemand = traffic("amazon.nova-pro-v1:0", "runtime", 10, 100);
        String both = onDemand + onDemand.substring(onDemand.indexOf("  - name")).replace("name: w", "name: geo")
                .replace("model: amazon.nova-pro-v1:0", "model: us.amazon.nova-pro-v1:0");

        CapacityPlan plan = plan(both, fixed);

        Need tpm = plan.needs().stream().filter(n -> n.workload().equals("w") && n.measure().equals("tokens per minute"))
                .findFirst().orElseThrow();
        assertThat(tpm.verdict()).isEqualTo(Need.Verdict.NOT_ADJUSTABLE);
        assertThat(tpm.alternative()).hasValue("call us.amazon.nova-pro-v1:0 instead: its tokens per minute quota "
                + "L-C0326783 applies 100,000, short of the 141,920 it would then carry, and can be raised");
        assertThat(plan.needs()).filteredOn(n -> n.alternative().isPresent())
                .allSatisfy(n -> assertThat(n.alternative().get()).doesNotContain(n.quota().orElseThrow().code()));
    }
}
