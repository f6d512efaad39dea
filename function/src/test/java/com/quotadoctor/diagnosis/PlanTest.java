package com.quotadoctor.diagnosis;

import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contradictions one report used to print, each now one coherent plan (issue: one plan per diagnosis). */
class PlanTest {

    private static final Path SNAPSHOTS = Path.of("..", "events", "snapshots");

    private static Diagnosis diagnose(String name) {
        Snapshot s = new SnapshotReader().read(SNAPSHOTS.resolve(name));
        return Diagnostician.standard().diagnose(s.request(), s.evidence());
    }

    private static List<PlanStep> steps(Diagnosis d, PlanStep.Kind kind) {
        return d.plan().stream().filter(s -> s.kind() == kind).toList();
    }

    @Test
    void oneValuePerQuotaWhereTwoFindingsProposedTwo() {
        // was: 400000 (the value asked in us-east-1) and 260000 (the peak plus headroom) for L-F4DDD3EB in us-west-2
        Diagnosis d = diagnose("region-mismatch.json");

        assertThat(steps(d, PlanStep.Kind.REQUEST_INCREASE)).singleElement().satisfies(s -> {
            assertThat(s.value()).contains(400_000.0);
            assertThat(s.serves()).containsExactlyInAnyOrder(FindingCode.REGION_MISMATCH, FindingCode.USAGE_EXCEEDS_QUOTA);
        });
    }

    @Test
    void neverBelowTheAwsDefault() {
        // was: 38000 sized on the peak where the AWS default is 500000
        Diagnosis d = diagnose("applied-below-default.json");

        assertThat(steps(d, PlanStep.Kind.REQUEST_INCREASE)).filteredOn(s -> s.quotaCode().equals(java.util.Optional.of("L-58BE175A")))
                .singleElement().satisfies(s -> assertThat(s.value()).contains(500_000.0));
    }

    @Test
    void waitingOnAnOpenRequestIsTheStepNotASecondRequest() {
        for (String name : List.of("request-pending.json", "request-case-opened.json", "propagation-pending.json",
                "propagation-overdue.json")) {
            Diagnosis d = diagnose(name);

            assertThat(d.plan()).as(name).noneMatch(s -> s.command().map(c -> c.contains("request-service-quota-increase"))
                    .orElse(false));
            assertThat(d.plan().get(0).kind()).as(name).isIn(PlanStep.Kind.WAIT, PlanStep.Kind.FOLLOW_REQUEST);
        }
    }

    @Test
    void aSpentDailyBudgetComesBeforeAnyPerMinuteAdvice() {
        // was: "raising tokens per minute does not help" beside a command raising tokens per minute
        Diagnosis d = diagnose("daily-quota-exhausted.json");

        assertThat(d.verdict()).isEqualTo(FindingCode.DAILY_QUOTA_EXHAUSTED);
        assertThat(d.plan().get(0).serves()).contains(FindingCode.DAILY_QUOTA_EXHAUSTED);
        assertThat(d.plan()).noneMatch(s -> s.command().map(c -> c.contains("--quota-code L-F4DDD3EB")).orElse(false));
    }

    @Test
    void escalationTakesTheCaseIdThatItsFlagTakes() {
        Diagnosis d = diagnose("propagation-overdue.json");

        assertThat(steps(d, PlanStep.Kind.CONTACT_SUPPORT)).singleElement().satisfies(s -> {
            assertThat(s.command()).hasValueSatisfying(c -> assertThat(c)
                    .startsWith("aws support add-communication-to-case --case-id \"$(aws support describe-cases --display-id 17639988776 --include-resolved-cases --query 'cases[0].caseId'"));
            assertThat(s.links()).contains("https://support.console.aws.amazon.com/support/home#/case/?displayId=17639988776");
        });
    }

    @Test
    void profileAdviceIsNotGivenToCallsAlreadyOnAProfile() {
        Diagnosis d = diagnose("usage-exceeds-quota.json");

        assertThat(d.plan()).noneMatch(s -> s.action().contains("cross-region profile"));
    }

    @Test
    void anApplicationProfileIsRecreatedOnTheFamilyThatCanBeRaised() {
        Diagnosis d = diagnose("application-profile-on-demand.json");

        assertThat(steps(d, PlanStep.Kind.CHANGE_CLIENT)).first().satisfies(s -> assertThat(s.command()).hasValue(
                "aws bedrock create-inference-profile --inference-profile-name team-search-claude-cross-region"
                        + " --model-source copyFrom=arn:aws:bedrock:us-east-1:111122223333:inference-profile/"
                        + "us.anthropic.claude-3-5-sonnet-20240620-v1:0 --region us-east-1"));
    }
}
