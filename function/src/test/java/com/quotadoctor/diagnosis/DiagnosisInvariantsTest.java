package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.EvidenceSection;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static com.quotadoctor.diagnosis.Scenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the evidence, the diagnosis holds its contract: it never throws, names a verdict that is
 * its top finding, waits only when waiting helps, and every command names its region. Seeded, so a
 * failure replays.
 */
class DiagnosisInvariantsTest {

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");
    private static final List<String> STATUSES = List.of("PENDING", "CASE_OPENED", "APPROVED", "DENIED", "CASE_CLOSED",
            "NOT_APPROVED", "INVALID_REQUEST", "SOMETHING_NEW");
    private static final List<String> MODELS = List.of(SONNET_45, "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "anthropic.claude-sonnet-4-5-20250929-v1:0", "us.amazon.nova-pro-v1:0");
    private static final List<String> CODES = List.of(TPM_SONNET_45, RPM_SONNET_45, TPD_SONNET_45, "L-27C57EE8", "L-C0326783");
    private static final List<String> MESSAGES = List.of(MSG_TPM, "Too many tokens per day, please wait before trying again.",
            "Too many requests, please wait before trying again.", "");

    @RepeatedTest(400)
    void holdsItsContract(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        Scenario s = new Scenario().attempt(1 + random.nextInt(8),
                random.nextInt(4) == 0 ? Optional.of(NOW.plusSeconds(random.nextInt(7200) - 3600)) : Optional.empty());
        for (String region : REGIONS) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            Scenario.Region r = s.region(region);
            for (String code : CODES) {
                if (random.nextBoolean()) {
                    double dflt = 1000 * (1 + random.nextInt(500));
                    r.quota(code, random.nextInt(5) == 0 ? null : dflt * random.nextInt(4),
                            random.nextInt(5) == 0 ? null : dflt, random.nextInt(3) == 0 ? null : random.nextBoolean());
                }
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                long created = 60L + random.nextInt(10 * 24 * 3600);
                r.request("r" + random.nextInt(1000), pick(random, CODES), 1000 * (1 + random.nextInt(2000)),
                        pick(random, STATUSES), Duration.ofSeconds(created), Duration.ofSeconds(random.nextLong(created)),
                        random.nextInt(6) == 0 ? "444455556666" : ACCOUNT);
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                String message = pick(random, MESSAGES);
                r.failedCall(pick(random, MODELS), message.isEmpty() ? null : message,
                        random.nextInt(6) == 0 ? "444455556666" : ACCOUNT);
            }
            if (random.nextBoolean()) {
                String model = pick(random, MODELS);
                r.series("InputTokenCount", model, random.nextInt(500000), random.nextInt(500000))
                        .series("OutputTokenCount", model, random.nextInt(50000), 0)
                        .series("InvocationThrottles", model, random.nextInt(3), random.nextInt(20));
            }
            for (EvidenceSection section : EvidenceSection.values()) {
                if (random.nextInt(8) == 0) {
                    r.notCollected(section);
                }
            }
            if (random.nextInt(8) == 0) {
                r.error("ListServiceQuotas", "AccessDeniedException");
            }
        }
        if (random.nextBoolean()) {
            s.request(List.of(pick(random, REGIONS)), pick(random, MODELS));
        }

        Diagnosis d = s.diagnose();

        assertThat(d.findings()).isNotEmpty();
        assertThat(d.verdict()).isEqualTo(d.top().code());
        assertThat(d.findings()).isSortedAccordingTo(Diagnostician.RANK);
        if (d.nextCheckSeconds().isPresent()) {
            assertThat(d.verdict().waitingHelps()).isTrue();
            assertThat(d.nextCheckSeconds().get()).isBetween(60L, 3600L);
            assertThat(d.deadline()).hasValueSatisfying(deadline -> assertThat(deadline).isAfter(NOW));
        }
        assertThat(d.fingerprint()).hasSize(32);
        d.findings().forEach(f -> {
            assertThat(f.title()).isNotBlank();
            assertThat(f.explanation()).isNotBlank();
            assertThat(f.remediation()).as("%s is answered by the plan", f.code()).isNotEmpty();
            assertThat(d.plan()).containsAll(f.remediation());
        });
        PlanInvariants.hold(d, s.evidence());
        assertThat(s.diagnose()).as("deterministic").isEqualTo(d);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
