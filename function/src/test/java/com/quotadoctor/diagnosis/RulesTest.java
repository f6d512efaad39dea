package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.EvidenceSection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.quotadoctor.diagnosis.FindingCode.*;
import static com.quotadoctor.diagnosis.Scenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Each rule at its edges, on evidence built in the domain's own terms. */
class RulesTest {

    private static final Duration MIN = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private static Finding only(Diagnosis d, FindingCode code) {
        List<Finding> found = d.findings().stream().filter(f -> f.code() == code).toList();
        assertThat(found).as("findings %s", d.findings().stream().map(Finding::code).toList()).hasSize(1);
        return found.get(0);
    }

    private static String commands(Finding f) {
        return String.join("\n", f.remediation().stream().flatMap(s -> s.command().stream()).toList());
    }

    @Nested
    class Mismatches {

        @Test
        void requestInAnotherRegionIsARegionMismatchWithBothFixes() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 400000).request("r1", TPM_SONNET_45, 400000, "APPROVED", DAY.multipliedBy(2), DAY);
            s.sonnet45("us-west-2", 200000).failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(REGION_MISMATCH);
            Finding f = d.top();
            assertThat(f.region()).contains("us-west-2");
            assertThat(f.evidence()).containsEntry("requestRegion", "us-east-1").containsEntry("failingRegion", "us-west-2");
            assertThat(commands(f)).contains("converse --model-id " + SONNET_45 + " --region us-east-1")
                    .contains("--quota-code L-F4DDD3EB --desired-value 400000 --region us-west-2");
            assertThat(d.nextCheckSeconds()).isEmpty();
        }

        @Test
        void aRequestOnTargetMakesRequestsElsewhereHistory() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 400000).request("old", TPM_SONNET_45, 400000, "APPROVED", DAY.multipliedBy(5), DAY.multipliedBy(5));
            s.sonnet45("us-west-2", 200000).request("new", TPM_SONNET_45, 400000, "PENDING", HOUR, HOUR)
                    .failedCall(SONNET_45, MSG_TPM);

            assertThat(s.codes()).containsExactly(REQUEST_PENDING);
        }

        @Test
        void severalRequestsAtOnceTheOneForTheBindingMetricCounts() {
            Scenario s = new Scenario();
            s.region("us-east-1").quota(TPM_SONNET_45, 200000, 200000).quota(RPM_SONNET_45, 1000, 200)
                    .request("rpm", RPM_SONNET_45, 1000, "APPROVED", DAY.multipliedBy(4), DAY.multipliedBy(4))
                    .request("tpm", TPM_SONNET_45, 600000, "PENDING", HOUR, HOUR)
                    .failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.codes()).containsExactly(REQUEST_PENDING);
            assertThat(d.top().evidence()).containsEntry("requestId", "tpm");
        }

        @Test
        void severalRegionsAtOnceJudgeEachContext() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 400000).request("r1", TPM_SONNET_45, 400000, "APPROVED", DAY.multipliedBy(3), DAY.multipliedBy(3))
                    .series("InputTokenCount", SONNET_45, 250000).series("OutputTokenCount", SONNET_45, 10000)
                    .failedCall(SONNET_45, MSG_TPM);
            s.sonnet45("us-west-2", 200000).failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(REGION_MISMATCH);
            assertThat(only(d, REGION_MISMATCH).region()).contains("us-west-2");
            assertThat(only(d, ALIGNED).region()).contains("us-east-1");
        }

        @Test
        void callsFromAnotherAccountAreAnAccountMismatch() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 600000).request("r1", TPM_SONNET_45, 600000, "APPROVED", DAY.multipliedBy(3), DAY.multipliedBy(3))
                    .failedCall(SONNET_45, MSG_TPM, "444455556666");

            Finding f = only(s.diagnose(), ACCOUNT_MISMATCH);

            assertThat(f.account()).contains("444455556666");
            assertThat(f.evidence()).containsEntry("requestAccount", ACCOUNT).containsEntry("failingAccount", "444455556666")
                    .as("account 111122223333's applied value says nothing about 444455556666")
                    .doesNotContainKey("governingAppliedValue").containsEntry("governingDefaultValue", 200000L);
            assertThat(commands(f)).contains("--quota-code L-F4DDD3EB --desired-value 600000 --region us-east-1");
        }

        @Test
        void anotherVersionOfTheModelIsAModelMismatch() {
            String v2 = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";
            Scenario s = new Scenario();
            s.region("us-west-2").quota("L-479B647F", 2000000, 800000).quota("L-FF8B4E28", 800000, 800000)
                    .request("r1", "L-479B647F", 2000000, "APPROVED", DAY.multipliedBy(3), DAY.multipliedBy(3))
                    .failedCall(v2, MSG_TPM);

            Finding f = only(s.diagnose(), MODEL_MISMATCH);

            assertThat(f.quotaCode()).contains("L-FF8B4E28");
            assertThat(commands(f)).contains("--quota-code L-FF8B4E28 --desired-value 2000000 --region us-west-2");
        }

        @Test
        void anUnrelatedModelsRequestIsNoMismatchButNoMatchingRequest() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 200000).quota("L-C0326783", 1200000, 800000)
                    .request("nova", "L-C0326783", 1200000, "APPROVED", DAY.multipliedBy(30), DAY.multipliedBy(30))
                    .failedCall(SONNET_45, MSG_TPM);

            assertThat(s.codes()).containsExactly(NO_MATCHING_REQUEST);
        }

        @Test
        void onDemandRaisedWhileCallsUseAProfileIsAnInferenceTypeMismatch() {
            Scenario s = new Scenario();
            s.region("us-east-1").quota("L-CE33604C", 1500000, 400000).quota("L-C0326783", 800000, 800000)
                    .request("r1", "L-CE33604C", 1500000, "APPROVED", DAY.multipliedBy(4), DAY.multipliedBy(4))
                    .failedCall("us.amazon.nova-pro-v1:0", MSG_TPM);

            Finding f = only(s.diagnose(), INFERENCE_TYPE_MISMATCH);

            assertThat(commands(f)).contains("--model-id amazon.nova-pro-v1:0 --region us-east-1")
                    .contains("--quota-code L-C0326783");
        }

        @Test
        void rpmRaisedWhileTokensBindIsAMetricMismatch() {
            Scenario s = new Scenario();
            s.region("us-east-1").quota(TPM_SONNET_45, 200000, 200000).quota(RPM_SONNET_45, 1000, 200)
                    .request("r1", RPM_SONNET_45, 1000, "APPROVED", DAY.multipliedBy(2), DAY.multipliedBy(2))
                    .failedCall(SONNET_45, MSG_TPM);

            Finding f = only(s.diagnose(), METRIC_MISMATCH);

            assertThat(f.quotaCode()).contains(TPM_SONNET_45);
            assertThat(f.evidence()).containsEntry("boundMetric", "tokens per minute");
        }

        @Test
        void withoutAnErrorMessageTheMetricIsNotJudged() {
            Scenario s = new Scenario();
            s.region("us-east-1").quota(TPM_SONNET_45, 200000, 200000).quota(RPM_SONNET_45, 1000, 200)
                    .request("r1", RPM_SONNET_45, 1000, "APPROVED", DAY.multipliedBy(2), DAY.multipliedBy(2))
                    .failedCall(SONNET_45, null);

            assertThat(s.codes()).doesNotContain(METRIC_MISMATCH).contains(ALIGNED);
        }

        @Test
        void cloudTrailOverridesTheRegionTheTriggerNamed() {
            Scenario s = new Scenario().request(List.of("us-east-1"), SONNET_45);
            s.sonnet45("us-east-1", 400000).request("r1", TPM_SONNET_45, 400000, "APPROVED", DAY.multipliedBy(2), DAY.multipliedBy(2));
            s.sonnet45("us-west-2", 200000).failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(REGION_MISMATCH);
            assertThat(d.top().evidence()).containsEntry("regionConfirmedBy", "CloudTrail failed calls");
        }
    }

    @Nested
    class RequestStates {

        private Scenario approved(Duration decidedAgo, double applied) {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", applied)
                    .request("r1", TPM_SONNET_45, 600000, "APPROVED", decidedAgo.plus(MIN.multipliedBy(30)), decidedAgo)
                    .failedCall(SONNET_45, MSG_TPM);
            return s;
        }

        @Test
        void insideThePropagationWindowWaitingIsTheFix() {
            Diagnosis d = approved(Duration.ofHours(24).minusSeconds(1), 200000).diagnose();

            assertThat(d.verdict()).isEqualTo(PROPAGATION_PENDING);
            assertThat(d.top().explanation()).contains("Do not file another request");
            assertThat(d.nextCheckSeconds()).contains(60L);
            assertThat(d.deadline()).contains(NOW.plusSeconds(1));
        }

        @Test
        void atTheEndOfTheWindowItIsOverdue() {
            Diagnosis d = approved(Duration.ofHours(24), 200000).diagnose();

            assertThat(d.verdict()).isEqualTo(PROPAGATION_OVERDUE);
            assertThat(d.nextCheckSeconds()).isEmpty();
            assertThat(commands(d.top())).contains("aws support add-communication-to-case --case-id").contains("--region us-east-1");
        }

        @Test
        void aDenialOfCallsAlreadyOnAGeographicProfileNeverAdvisesAGeographicProfile() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 200000)
                    .request("r1", TPM_SONNET_45, 600000, "DENIED", DAY.multipliedBy(3), DAY.multipliedBy(2))
                    .failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(REQUEST_DENIED);
            assertThat(d.plan()).extracting(PlanStep::action)
                    .noneMatch(a -> a.contains("us./eu.") || a.contains("to a cross-region profile"))
                    .anyMatch(a -> a.contains("global. cross-Region inference profile"));
        }

        @Test
        void alignedWithTheFailuresRecordedInThatVeryContextNeverBlamesAnotherContext() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 600000)
                    .request("r1", TPM_SONNET_45, 600000, "APPROVED", DAY.multipliedBy(3), DAY.multipliedBy(3))
                    .failedCall(SONNET_45, MSG_TPM).probe(SONNET_45, "Success");

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(ALIGNED);
            assertThat(d.plan()).extracting(PlanStep::action)
                    .noneMatch(a -> a.contains("resolve another region"))
                    .anyMatch(a -> a.contains("CloudTrail records the failing calls in this same context"));
        }

        @Test
        void appliedAtTheDesiredValueWithNoFailureSinceIsAligned() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 600000)
                    .request("r1", TPM_SONNET_45, 600000, "APPROVED", HOUR.plus(MIN.multipliedBy(30)), HOUR)
                    .failedCallAgo(SONNET_45, MSG_TPM, HOUR.multipliedBy(2));

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(ALIGNED);
            assertThat(commands(d.top())).contains("--region us-east-1");
        }

        @Test
        void appliedWithinTheWindowWhileTheSameCallsStillFailIsPropagationPendingWithNoNewRequest() {
            Diagnosis d = approved(HOUR, 600000).diagnose();

            assertThat(d.verdict()).isEqualTo(PROPAGATION_PENDING);
            assertThat(d.top().title()).startsWith("Applied 1 h 0 min ago").contains("calls still fail");
            assertThat(d.top().explanation()).contains("Retest after " + Scenario.NOW.minus(HOUR).plus(DAY));
            assertThat(d.nextCheckSeconds()).isPresent();
            assertThat(d.plan()).noneMatch(p -> p.kind() == PlanStep.Kind.REQUEST_INCREASE);
        }

        @Test
        void appliedLongAgoAndStillFailingIsNotAWaitingMatter() {
            Diagnosis d = approved(DAY.multipliedBy(2), 600000).diagnose();

            assertThat(d.verdict()).isNotEqualTo(PROPAGATION_PENDING);
            assertThat(d.nextCheckSeconds()).isEmpty();
        }

        @Test
        void aCaseClosedInsideTheWindowWithTheValueNotCaughtUpIsPropagationPendingNotADenial() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 200000)
                    .request("r1", TPM_SONNET_45, 600000, "CASE_CLOSED", HOUR.multipliedBy(3), HOUR)
                    .failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(PROPAGATION_PENDING);
            assertThat(d.top().title()).startsWith("Case closed");
            assertThat(d.top().explanation()).contains("AWS closes approved cases too");
            assertThat(commands(d.top())).contains("aws support describe-cases --display-id");
            assertThat(d.plan()).noneMatch(p -> p.kind() == PlanStep.Kind.REQUEST_INCREASE);
        }

        @Test
        void aCaseClosedOutsideTheWindowWithTheValueUnchangedIsDecidedByItsOutcome() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 200000)
                    .request("r1", TPM_SONNET_45, 600000, "CASE_CLOSED", DAY.multipliedBy(4), DAY.multipliedBy(3))
                    .failedCall(SONNET_45, MSG_TPM);

            assertThat(s.diagnose().verdict()).isEqualTo(REQUEST_DENIED);
        }

        @Test
        void closedCaseWithTheValueAppliedIsAligned() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 600000).request("r1", TPM_SONNET_45, 600000, "CASE_CLOSED", DAY.multipliedBy(5), DAY)
                    .failedCall(SONNET_45, MSG_TPM);

            assertThat(s.diagnose().verdict()).isEqualTo(ALIGNED);
        }

        @Test
        void closedCaseWithNothingAppliedIsDenied() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 200000).request("r1", TPM_SONNET_45, 600000, "CASE_CLOSED", DAY.multipliedBy(5), DAY)
                    .failedCall(SONNET_45, MSG_TPM);

            assertThat(s.diagnose().verdict()).isEqualTo(REQUEST_DENIED);
        }

        @Test
        void aDenialThatALaterRequestFollowedIsOnlyAlsoChecked() {
            // denied where the calls run, approved later elsewhere: the approval is the decision that matters
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 200000)
                    .request("old", TPM_SONNET_45, 900000, "DENIED", DAY.multipliedBy(5), DAY.multipliedBy(4))
                    .failedCall(SONNET_45, MSG_TPM);
            s.sonnet45("us-west-2", 400000).request("new", TPM_SONNET_45, 400000, "APPROVED", DAY, DAY);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(REGION_MISMATCH);
            assertThat(d.findings()).filteredOn(f -> f.code() == REQUEST_DENIED).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.title()).endsWith("(superseded by request new, APPROVED in us-west-2)");
            });
            assertThat(d.findings().get(d.findings().size() - 1).code()).isEqualTo(REQUEST_DENIED);
        }

        @Test
        void closedCaseWithPartOfTheValueIsPartiallyGranted() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 300000).request("r1", TPM_SONNET_45, 1000000, "CASE_CLOSED", DAY.multipliedBy(5), DAY)
                    .series("InputTokenCount", SONNET_45, 300000).series("OutputTokenCount", SONNET_45, 30000)
                    .failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(PARTIALLY_GRANTED);
            assertThat(d.top().severity()).isEqualTo(Severity.CRITICAL);
        }

        @Test
        void closedCaseWithoutTheDefaultIsNotJudged() {
            Scenario s = new Scenario();
            s.region("us-east-1").quota(TPM_SONNET_45, 300000.0, null, true)
                    .notCollected(EvidenceSection.DEFAULT_QUOTAS)
                    .request("r1", TPM_SONNET_45, 1000000, "CASE_CLOSED", DAY.multipliedBy(5), DAY)
                    .failedCall(SONNET_45, MSG_TPM);

            assertThat(s.codes()).containsExactly(INCOMPLETE_EVIDENCE);
        }

        @Test
        void everyRefusalStatusIsDenied() {
            for (String status : List.of("DENIED", "NOT_APPROVED", "INVALID_REQUEST")) {
                Scenario s = new Scenario();
                s.sonnet45("us-east-1", 200000).request("r1", TPM_SONNET_45, 600000, status, DAY, DAY)
                        .failedCall(SONNET_45, MSG_TPM);

                assertThat(s.diagnose().verdict()).as(status).isEqualTo(REQUEST_DENIED);
            }
        }

        @Test
        void unknownStatusIsUndecidedUntilTheValueApplies() {
            Scenario pending = new Scenario();
            pending.sonnet45("us-east-1", 200000).request("r1", TPM_SONNET_45, 600000, "PENDING_AUTO_REVIEW", HOUR, HOUR)
                    .failedCall(SONNET_45, MSG_TPM);
            Scenario applied = new Scenario();
            applied.sonnet45("us-east-1", 600000).request("r1", TPM_SONNET_45, 600000, "PENDING_AUTO_REVIEW", HOUR, HOUR)
                    .failedCall(SONNET_45, MSG_TPM);

            assertThat(pending.diagnose().verdict()).isEqualTo(REQUEST_PENDING);
            assertThat(pending.diagnose().top().severity()).isEqualTo(Severity.WARNING);
            assertThat(applied.diagnose().verdict()).isEqualTo(ALIGNED);
        }

        @Test
        void backoffDoublesPerAttemptUpToAnHour() {
            List<Long> waits = List.of(1, 2, 3, 4, 5, 12).stream().map(attempt -> {
                Scenario s = new Scenario().attempt(attempt, Optional.empty());
                s.sonnet45("us-east-1", 200000).request("r1", TPM_SONNET_45, 600000, "PENDING", HOUR, HOUR)
                        .failedCall(SONNET_45, MSG_TPM);
                return s.diagnose().nextCheckSeconds().orElseThrow();
            }).toList();

            assertThat(waits).containsExactly(300L, 600L, 1200L, 2400L, 3600L, 3600L);
        }

        @Test
        void pastTheLoopsDeadlineWaitingStops() {
            Scenario s = new Scenario().attempt(9, Optional.of(NOW.minusSeconds(1)));
            s.sonnet45("us-east-1", 200000).request("r1", TPM_SONNET_45, 600000, "PENDING", HOUR, HOUR)
                    .failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(REQUEST_PENDING);
            assertThat(d.nextCheckSeconds()).isEmpty();
            assertThat(d.deadline()).contains(NOW.minusSeconds(1));
        }

        @Test
        void fingerprintIsStableAcrossAttempts() {
            Diagnosis[] byAttempt = new Diagnosis[2];
            for (int attempt = 1; attempt <= 2; attempt++) {
                Scenario s = new Scenario().attempt(attempt, Optional.empty());
                s.sonnet45("us-east-1", 200000).request("r1", TPM_SONNET_45, 600000, "APPROVED", HOUR, HOUR)
                        .series("InputTokenCount", SONNET_45, 1000.0 * attempt).failedCall(SONNET_45, MSG_TPM);
                byAttempt[attempt - 1] = s.diagnose();
            }

            assertThat(byAttempt[0].fingerprint()).isEqualTo(byAttempt[1].fingerprint());
            assertThat(byAttempt[0].nextCheckSeconds()).isNotEqualTo(byAttempt[1].nextCheckSeconds());
        }

        @Test
        void aGapThatComesAndGoesKeepsTheFingerprint() {
            Scenario clean = new Scenario();
            clean.sonnet45("us-east-1", 200000).request("r1", TPM_SONNET_45, 600000, "APPROVED", HOUR, HOUR)
                    .failedCall(SONNET_45, MSG_TPM);
            Scenario throttledRead = new Scenario();
            throttledRead.sonnet45("us-east-1", 200000).request("r1", TPM_SONNET_45, 600000, "APPROVED", HOUR, HOUR)
                    .failedCall(SONNET_45, MSG_TPM);
            throttledRead.sonnet45("eu-west-1", 200000).notCollected(EvidenceSection.METRICS)
                    .error("GetMetricData", "ThrottlingException");

            assertThat(throttledRead.codes()).contains(INCOMPLETE_EVIDENCE);
            assertThat(throttledRead.diagnose().fingerprint()).isEqualTo(clean.diagnose().fingerprint());
        }

        @Test
        void aSuccessfulExplicitRegionRetestPointsAtTheClients() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 600000).request("r1", TPM_SONNET_45, 600000, "APPROVED", DAY.multipliedBy(3), DAY.multipliedBy(3))
                    .failedCall(SONNET_45, MSG_TPM).probe(SONNET_45, "Success");

            Finding f = s.diagnose().top();

            assertThat(f.code()).isEqualTo(ALIGNED);
            assertThat(f.evidence()).containsEntry("explicitRegionRetest", List.of("us-east-1: Success (800 ms)"));
            assertThat(f.remediation().get(0).action()).contains("retest succeeded");
        }

        @Test
        void followingARequestWithoutFailingCallsJudgesTheRequestAlone() {
            Scenario s = new Scenario().following("r1");
            s.sonnet45("us-east-1", 200000).request("r1", TPM_SONNET_45, 600000, "APPROVED", HOUR, MIN.multipliedBy(10))
                    .request("r2", RPM_SONNET_45, 600, "PENDING", HOUR, HOUR);

            Diagnosis d = s.diagnose();

            assertThat(d.findings()).extracting(Finding::code).containsExactly(PROPAGATION_PENDING);
            assertThat(d.top().modelId()).isEmpty();
        }

        @Test
        void aRequestIdInNoHistoryIsAGap() {
            Scenario s = new Scenario().following("nope");
            s.sonnet45("us-east-1", 200000);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(INCOMPLETE_EVIDENCE);
            assertThat(d.evidenceGaps()).anySatisfy(g -> assertThat(g.code()).isEqualTo("RequestNotFound"));
        }
    }

    @Nested
    class Demand {

        private Scenario aligned(double input, double output, double throttles) {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 400000).request("r1", TPM_SONNET_45, 400000, "APPROVED", DAY.multipliedBy(9), DAY.multipliedBy(9))
                    .series("InputTokenCount", SONNET_45, 1000, input)
                    .series("OutputTokenCount", SONNET_45, 100, output)
                    .series("InvocationThrottles", SONNET_45, 0, throttles)
                    .failedCall(SONNET_45, MSG_TPM);
            return s;
        }

        @Test
        void usageAtNinetyPercentOfTheQuotaExceedsIt() {
            // 310000 input + 5 x 10000 output = 360000 = 90 % of 400000
            Diagnosis d = aligned(310000, 10000, 3).diagnose();

            Finding f = only(d, USAGE_EXCEEDS_QUOTA);
            assertThat(d.verdict()).isEqualTo(USAGE_EXCEEDS_QUOTA);
            assertThat(f.evidence()).containsEntry("peakTokensPerMinute", 360000L).containsEntry("outputBurndown", "5x");
            assertThat(commands(f)).contains("--quota-code L-F4DDD3EB --desired-value 450000 --region us-east-1");
        }

        @Test
        void usageJustBelowNinetyPercentDoesNot() {
            assertThat(aligned(309000, 10000, 3).codes()).doesNotContain(USAGE_EXCEEDS_QUOTA, MAX_TOKENS_RESERVATION);
        }

        @Test
        void throttledWellUnderTheQuotaIsMaxTokensReservation() {
            Diagnosis d = aligned(60000, 4000, 9).diagnose();

            assertThat(d.verdict()).isEqualTo(MAX_TOKENS_RESERVATION);
            assertThat(d.top().remediation().get(0).action()).contains("maxTokens");
        }

        @Test
        void zeroUsageWhileThrottledIsStillReservation() {
            assertThat(aligned(0, 0, 9).diagnose().verdict()).isEqualTo(MAX_TOKENS_RESERVATION);
        }

        @Test
        void missingUsageJudgesNoDemand() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 400000).request("r1", TPM_SONNET_45, 400000, "APPROVED", DAY.multipliedBy(9), DAY.multipliedBy(9))
                    .failedCall(SONNET_45, MSG_TPM);

            assertThat(s.codes()).containsExactly(ALIGNED);
        }

        @Test
        void metricsNotCollectedAreAGap() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 400000).request("r1", TPM_SONNET_45, 400000, "APPROVED", DAY.multipliedBy(9), DAY.multipliedBy(9))
                    .notCollected(EvidenceSection.METRICS)
                    .failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.findings()).extracting(Finding::code).containsExactly(INCOMPLETE_EVIDENCE, ALIGNED);
            assertThat(d.evidenceGaps()).singleElement().satisfies(g -> assertThat(g.source()).isEqualTo("metrics"));
        }

        @Test
        void estimatedQuotaUsageFromAwsWinsOverTheComputedFigure() {
            Scenario s = aligned(100000, 1000, 2);
            s.region("us-east-1").series("EstimatedTPMQuotaUsage", SONNET_45, 380000);

            assertThat(only(s.diagnose(), USAGE_EXCEEDS_QUOTA).evidence())
                    .containsEntry("demandSource", "EstimatedTPMQuotaUsage");
        }

        @Test
        void anOldApprovalOfAnotherQuotaOfTheModelNeverHoldsBackTheIncreaseTheseCallsNeed() {
            // calls on the us. profile over their cross-region quota; an approval of the global quota 10 days ago never
            // applied: it does not govern these calls and has no open case to ride along in
            Scenario s = aligned(430000, 1000, 2);
            s.region("us-east-1").quota("L-27C57EE8", 400000, 400000)
                    .request("g1", "L-27C57EE8", 900000, "APPROVED", DAY.multipliedBy(11), DAY.multipliedBy(10));

            Diagnosis d = s.diagnose();

            assertThat(d.plan()).anySatisfy(p -> {
                assertThat(p.kind()).isEqualTo(PlanStep.Kind.REQUEST_INCREASE);
                assertThat(p.quotaCode()).contains(TPM_SONNET_45);
            });
            assertThat(d.plan()).extracting(PlanStep::action).noneMatch(a -> a.contains("ask in its case for " + TPM_SONNET_45));
        }

        @Test
        void aValueAwsRefusedIsNeverTheIntentTheNextAskRepeats() {
            // the busiest minute at 450,000 over the 400,000 applied; a case closed four days ago left it unchanged
            Scenario s = aligned(450000, 0, 2);
            s.region("us-east-1").request("r2", TPM_SONNET_45, 2000000, "CASE_CLOSED", DAY.multipliedBy(5), DAY.multipliedBy(4));

            Diagnosis d = s.diagnose();

            assertThat(d.plan()).filteredOn(p -> p.kind() == PlanStep.Kind.REQUEST_INCREASE && p.value().isPresent())
                    .singleElement().satisfies(p -> assertThat(p.value()).contains(570000.0));
            assertThat(d.justification()).hasValueSatisfying(j -> assertThat(j).doesNotContain("to match the 2,000,000")
                    .contains("the observed peak 450,000 tokens per minute + 25 %"));
        }

        @Test
        void oneAccountsTrafficIsNeverAnothersDemand() {
            // the caller's own account at 380,000 tokens a minute beside a member account (read through its role) at
            // 290,000 whose calls fail: the member's demand is its own 290,000, not the sum
            Scenario s = aligned(380000, 0, 2);
            s.region("us-east-1").seriesOf("444455556666", "InputTokenCount", SONNET_45, 1000, 290000)
                    .failedCall(SONNET_45, MSG_TPM, "444455556666");

            Diagnosis d = s.diagnose();

            assertThat(d.findings()).filteredOn(f -> f.evidence().get("failingAccount") != null
                            && f.evidence().get("failingAccount").equals("444455556666"))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.evidence().get("peakTokensPerMinute")).isIn(null, 290000L));
            assertThat(d.findings()).filteredOn(f -> "111122223333".equals(f.evidence().get("failingAccount")))
                    .allSatisfy(f -> assertThat(f.evidence().get("peakTokensPerMinute")).isIn(null, 380000L));
        }

        @Test
        void cacheWritesCountAndCacheReadsDoNot() {
            Scenario s = aligned(200000, 10000, 3);
            s.region("us-east-1").series("CacheWriteInputTokens", SONNET_45, 0, 110000)
                    .series("CacheReadInputTokens", SONNET_45, 0, 900000);

            assertThat(only(s.diagnose(), USAGE_EXCEEDS_QUOTA).evidence()).containsEntry("peakTokensPerMinute", 360000L);
        }

        @Test
        void dailyMessageWithoutMetricsNamesTheDailyQuota() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 200000).failedCall(SONNET_45, "Too many tokens per day, please wait before trying again.");

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(DAILY_QUOTA_EXHAUSTED);
            assertThat(d.top().quotaCode()).contains(TPD_SONNET_45);
        }

        @Test
        void crossRegionCallsGetTheDoubledDailyQuota() {
            // 24 h x (4M input + 5 x 0.6M output) = 168M: above 144M, below 95 % of the doubled 288M
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 200000)
                    .seriesEvery(3600, "InputTokenCount", SONNET_45, new double[] {4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6, 4e6})
                    .seriesEvery(3600, "OutputTokenCount", SONNET_45, new double[] {6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5, 6e5})
                    .failedCall(SONNET_45, null);

            assertThat(s.codes()).doesNotContain(DAILY_QUOTA_EXHAUSTED);
        }

        @Test
        void crossModelDailyQuotaIsNamedWhenItIsTheOneUsedUp() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 200000)
                    .namedQuota("L-CROSSMDL", "Cross-model max tokens per day", 100000000, 100000000, false)
                    .seriesEvery(3600, "InputTokenCount", SONNET_45, 50e6, 49e6)
                    .failedCall(SONNET_45, "Too many tokens per day, please wait before trying again.");

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(DAILY_QUOTA_EXHAUSTED);
            assertThat(d.top().quotaCode()).contains("L-CROSSMDL");
            assertThat(d.top().explanation()).contains("across all models");
        }

        @Test
        void theBindingQuotaBelowDefaultComesFirst() {
            Scenario s = new Scenario();
            s.region("us-east-1").quota(RPM_SONNET_45, 10, 200).quota(TPM_SONNET_45, 20000, 200000)
                    .failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.top().quotaCode()).contains(TPM_SONNET_45);
            assertThat(d.top().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.findings().get(1).quotaCode()).contains(RPM_SONNET_45);
        }

        @Test
        void appliedBelowDefaultAsksForTheDefault() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 20000).failedCall(SONNET_45, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(APPLIED_BELOW_DEFAULT);
            assertThat(commands(d.top())).contains("--quota-code L-F4DDD3EB --desired-value 200000 --region us-east-1");
        }

        @Test
        void notAdjustableOnDemandPointsToTheCrossRegionProfile() {
            Scenario s = new Scenario();
            s.region("us-east-1").quota("L-70423BF8", 400000.0, 400000.0, false).quota("L-7C42E72A", 800000.0, 800000.0, true)
                    .failedCall("amazon.nova-lite-v1:0", MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(NOT_ADJUSTABLE);
            assertThat(d.codes()).doesNotContain(NO_MATCHING_REQUEST);
            assertThat(commands(d.top())).contains("--model-id us.amazon.nova-lite-v1:0");
            // the profile's quota at its 800,000 default covers everything the evidence shows: nothing to ask
            assertThat(d.plan()).noneMatch(p -> p.kind() == PlanStep.Kind.REQUEST_INCREASE)
                    .anySatisfy(p -> assertThat(p.action()).isEqualTo(
                            "L-7C42E72A at 800,000 covers the AWS default: no increase needed."));
        }

        @Test
        void theSuggestedProfileFollowsTheSourceRegion() {
            Scenario s = new Scenario();
            s.region("eu-west-1").quota("L-70423BF8", 400000.0, 400000.0, false).quota("L-7C42E72A", 800000.0, 800000.0, true)
                    .failedCall("amazon.nova-lite-v1:0", MSG_TPM);

            assertThat(commands(s.diagnose().top())).contains("--model-id eu.amazon.nova-lite-v1:0 --region eu-west-1");
        }
    }

    @Nested
    class Evidence {

        @Test
        void noMatchingRequestIsOnlyClaimedWhenEveryHistoryWasRead() {
            Scenario s = new Scenario();
            s.sonnet45("us-west-2", 200000).failedCall(SONNET_45, MSG_TPM);
            s.sonnet45("us-east-1", 200000).notCollected(EvidenceSection.REQUESTED_CHANGES)
                    .error("ListRequestedServiceQuotaChangeHistory", "TooManyRequestsException");

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(INCOMPLETE_EVIDENCE);
            assertThat(d.codes()).doesNotContain(NO_MATCHING_REQUEST);
            assertThat(d.top().remediation()).anySatisfy(r -> assertThat(r.action()).contains("throttled in us-east-1"));
        }

        @Test
        void quotasNotReadLeaveTheRequestUnjudged() {
            Scenario s = new Scenario();
            s.region("us-east-1").notCollected(EvidenceSection.SERVICE_QUOTAS).notCollected(EvidenceSection.DEFAULT_QUOTAS)
                    .request("r1", TPM_SONNET_45, 600000, "APPROVED", DAY.multipliedBy(3), DAY.multipliedBy(3))
                    .failedCall(SONNET_45, MSG_TPM);

            assertThat(s.codes()).containsExactly(INCOMPLETE_EVIDENCE);
        }

        @Test
        void aRegionNamedButNotReadIsAGap() {
            Scenario s = new Scenario().request(List.of("ap-southeast-2"), SONNET_45);
            s.sonnet45("us-east-1", 200000);

            Diagnosis d = s.diagnose();

            assertThat(d.evidenceGaps()).anySatisfy(g -> assertThat(g.region()).isEqualTo("ap-southeast-2"));
        }

        @Test
        void anUnresolvedApplicationProfileIsAGap() {
            Scenario s = new Scenario().request(List.of("us-east-1"),
                    "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3");
            s.sonnet45("us-east-1", 200000);

            assertThat(s.diagnose().evidenceGaps()).anySatisfy(g -> assertThat(g.code()).isEqualTo("UnresolvedModel"));
        }

        @Test
        void callsThroughAnApplicationProfileThatCannotBeReadAreAGapNotAFamilyVerdict() {
            String profile = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3";
            Scenario s = new Scenario();
            s.region("us-east-1").quota("L-479B647F", 2000000, 800000)
                    .request("r1", "L-479B647F", 2000000, "APPROVED", DAY.multipliedBy(3), DAY.multipliedBy(3))
                    .failedCall(profile, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.codes()).doesNotContain(INFERENCE_TYPE_MISMATCH, MODEL_MISMATCH);
            assertThat(d.verdict()).isEqualTo(INCOMPLETE_EVIDENCE);
            assertThat(d.evidenceGaps()).anySatisfy(g -> assertThat(g.message()).contains(profile)
                    .contains("could not be read").contains("bedrock:GetInferenceProfile"));
        }

        @Test
        void nothingToJudgeSaysSo() {
            Scenario s = new Scenario();
            s.sonnet45("us-east-1", 200000);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(INCOMPLETE_EVIDENCE);
            assertThat(d.top().title()).startsWith("Nothing to judge");
        }

        @Test
        void mixedCaseQuotaNamesStillGovern() {
            Scenario s = new Scenario();
            s.region("us-east-1")
                    .namedQuota("L-F4DDD3EB", "CROSS-REGION MODEL INFERENCE TOKENS PER MINUTE FOR ANTHROPIC CLAUDE SONNET 4.5 V1", 20000, 200000, true)
                    .failedCall(SONNET_45, MSG_TPM);

            assertThat(s.diagnose().verdict()).isEqualTo(APPLIED_BELOW_DEFAULT);
        }

        @Test
        void anotherUnknownModelIsMatchedByName() {
            String model = "us.acme.rocket-3-5-pro-20261101-v2:0";
            Scenario s = new Scenario();
            s.region("us-east-1")
                    .namedQuota("L-ROCKET01", "Cross-region model inference tokens per minute for Acme Rocket 3.5 Pro V2", 100, 100000, true)
                    .failedCall(model, MSG_TPM);

            Diagnosis d = s.diagnose();

            assertThat(d.verdict()).isEqualTo(APPLIED_BELOW_DEFAULT);
            assertThat(d.top().quotaCode()).contains("L-ROCKET01");
        }
    }
}
