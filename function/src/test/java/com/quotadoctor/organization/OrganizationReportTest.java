package com.quotadoctor.organization;

import com.quotadoctor.diagnosis.Severity;
import com.quotadoctor.domain.RequestStatus;
import com.quotadoctor.notification.OrganizationDigest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The reduction: accounts set against each other, the mismatch no single account's diagnosis can see. */
class OrganizationReportTest {

    static final String A = "444455556666";
    static final String B = "777788889999";
    static final String C = "222233334444";
    static final String CODE = "L-F4DDD3EB";
    static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    static AccountReport raised(String account, String region, RequestStatus status, double value) {
        return new AccountReport(account, Optional.of("ALIGNED"), Severity.INFO, Optional.of("f-" + account), List.of(),
                List.of(new AccountReport.Filed("req-" + account, region, CODE, "Cross-region model inference tokens per "
                        + "minute for Anthropic Claude Sonnet 4.5 V1", status, value)), List.of(), Optional.empty());
    }

    static AccountReport throttled(String account, String region, AccountReport.Filed... own) {
        return new AccountReport(account, Optional.of("USAGE_EXCEEDS_QUOTA"), Severity.CRITICAL, Optional.of("f-" + account),
                List.of(new AccountReport.Throttled(region, MODEL, Optional.of(CODE), Optional.empty(), 30, 360)),
                List.of(own), List.of(), Optional.empty());
    }

    @Test
    void callsFailingInOneAccountUnderAnotherAccountsApprovedIncreaseAreFoundWithTheFix() {
        OrganizationReport report = OrganizationReport.of(List.of(raised(A, "us-west-2", RequestStatus.APPROVED, 2_000_000),
                throttled(B, "us-west-2")));

        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.failing()).isEqualTo(B);
            assertThat(m.raisedIn()).isEqualTo(A);
            assertThat(m.increase().requestId()).isEqualTo("req-" + A);
            assertThat(m.command()).isEqualTo("aws service-quotas request-service-quota-increase --service-code bedrock "
                    + "--quota-code L-F4DDD3EB --desired-value 2000000 --region us-west-2");
        });
        assertThat(report.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(report.accounts()).extracting(AccountReport::account).containsExactly(B, A);
    }

    @Test
    void noMismatchWhereTheFailingAccountRaisedItselfOrTheOtherRequestIsRefusedOrElsewhere() {
        AccountReport.Filed own = new AccountReport.Filed("mine", "us-west-2", CODE, "", RequestStatus.PENDING, 400_000);
        assertThat(OrganizationReport.of(List.of(raised(A, "us-west-2", RequestStatus.APPROVED, 2_000_000),
                throttled(B, "us-west-2", own))).mismatches()).isEmpty();
        assertThat(OrganizationReport.of(List.of(raised(A, "us-west-2", RequestStatus.DENIED, 2_000_000),
                throttled(B, "us-west-2"))).mismatches()).isEmpty();
        assertThat(OrganizationReport.of(List.of(raised(A, "us-west-2", RequestStatus.CASE_CLOSED, 2_000_000),
                throttled(B, "us-west-2"))).mismatches()).isEmpty();
        assertThat(OrganizationReport.of(List.of(raised(A, "us-east-1", RequestStatus.APPROVED, 2_000_000),
                throttled(B, "us-west-2"))).mismatches()).isEmpty();
    }

    @Test
    void anOpenRequestElsewhereCountsTooButAnApprovedOneIsNamedFirstOncePerFailingContext() {
        OrganizationReport report = OrganizationReport.of(List.of(raised(A, "us-west-2", RequestStatus.APPROVED, 2_000_000),
                raised(C, "us-west-2", RequestStatus.CASE_OPENED, 800_000), throttled(B, "us-west-2")));

        assertThat(report.mismatches()).extracting(CrossAccountMismatch::raisedIn).containsExactly(A);
        assertThat(OrganizationReport.of(List.of(raised(C, "us-west-2", RequestStatus.CASE_OPENED, 800_000),
                throttled(B, "us-west-2"))).mismatches()).extracting(CrossAccountMismatch::raisedIn).containsExactly(C);
    }

    @Test
    void theDigestListsMismatchesThenAccountsBySeverityAndUnreadableOnes() {
        OrganizationReport report = OrganizationReport.of(List.of(raised(A, "us-west-2", RequestStatus.APPROVED, 2_000_000),
                throttled(B, "us-west-2"), AccountReport.unreadable(C, "cannot assume arn:aws:iam::" + C
                        + ":role/QuotaDoctorMemberRole: AccessDenied")));

        var digest = new OrganizationDigest().render(report);

        assertThat(digest.subject()).isEqualTo("Organisation sweep: 2 of 3 accounts need action, 1 failing under another "
                + "account's increase");
        assertThat(digest.text()).contains("3 accounts read: 1 critical, 0 warning, 1 unreadable, 1 with nothing to do.")
                .contains("- account " + B + ", us-west-2, " + MODEL + ": 30 failed calls under L-F4DDD3EB")
                .contains("raised in account " + A + " (request req-" + A + ", APPROVED, 2000000)")
                .contains("$ aws service-quotas request-service-quota-increase --service-code bedrock --quota-code "
                        + "L-F4DDD3EB --desired-value 2000000 --region us-west-2");
        assertThat(digest.text().indexOf("- " + B + "  CRITICAL")).isPositive()
                .isLessThan(digest.text().indexOf("- " + C + "  UNREADABLE"));
        assertThat(digest.attributes()).containsEntry("severity", "CRITICAL");
        assertThat(digest.chat()).contains("OrganizationSweep").doesNotContain("<!");
    }

    @Test
    void theDigestFingerprintHoldsWhileNothingChangesAndMovesWhenAnAccountTurnsBad() {
        List<AccountReport> quiet = List.of(raised(A, "us-west-2", RequestStatus.APPROVED, 2_000_000),
                raised(C, "us-west-2", RequestStatus.APPROVED, 10));
        List<AccountReport> bad = List.of(raised(A, "us-west-2", RequestStatus.APPROVED, 2_000_000),
                raised(C, "us-west-2", RequestStatus.APPROVED, 10), throttled(B, "us-west-2"));

        assertThat(OrganizationReport.of(quiet).fingerprint()).isEqualTo(OrganizationReport.of(List.of(quiet.get(1),
                quiet.get(0))).fingerprint()).startsWith("org-");
        assertThat(OrganizationReport.of(bad).fingerprint()).isNotEqualTo(OrganizationReport.of(quiet).fingerprint());
    }

    @Test
    void theAccountReportRoundTripsThroughItsJson() {
        AccountReport report = throttled(B, "us-west-2", new AccountReport.Filed("r1", "us-west-2", CODE, "name",
                RequestStatus.CASE_CLOSED, 1.5));

        AccountReport back = AccountReportJson.read(com.quotadoctor.json.WireNode.document("report",
                com.quotadoctor.json.JsonTree.compact(AccountReportJson.write(report))));

        assertThat(back).isEqualTo(report);
    }

    @Test
    void aHugeOrganisationsDigestAndReduceOutputStayUnderTheLimitsWhileTheS3ReportListsAll() {
        List<AccountReport> reports = new java.util.ArrayList<>();
        reports.add(raised(A, "us-west-2", RequestStatus.APPROVED, 2_000_000));
        for (int i = 0; i < 3_000; i++) {
            reports.add(throttled(String.format("%012d", 500_000_000_000L + i), "us-west-2"));
        }
        OrganizationReport report = OrganizationReport.of(reports);

        var digest = new OrganizationDigest().render(report);
        var all = OrganizationReportJson.write(report, Integer.MAX_VALUE);

        assertThat(report.mismatches()).hasSize(3_000);
        assertThat(all.get("crossAccountMismatches").size()).isEqualTo(3_000);
        assertThat(all.get("accounts").size()).isEqualTo(3_001);
        assertThat(com.quotadoctor.notification.SizeBudget.bytes(digest.text())).isLessThan(64 * 1024);
        assertThat(digest.text()).contains("- and 2950 more (see the sweep's report)");
    }
}
