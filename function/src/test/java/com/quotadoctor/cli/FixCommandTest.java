package com.quotadoctor.cli;

import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubFault;
import com.quotadoctor.stub.StubWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fix} against Service Quotas' wire (the stub at the SDK's HTTP layer, reached through the SDK's own
 * {@code aws.endpointUrl} setting): the region-mismatch world, where the plan asks to raise the quota in us-west-2.
 */
class FixCommandTest {

    private static final Map<String, String> SDK = Map.of("aws.accessKeyId", StubAws.HOME_KEY,
            "aws.secretAccessKey", "stub-secret", "aws.region", "us-east-1");
    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2");

    private StubAws aws;
    private final Supplier<FixCommand.Prompt> terminal = FixCommand.prompt;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void start() {
        aws = new StubAws(StubWorld.home(REGIONS, Instant.now()));
        SDK.forEach(System::setProperty);
        System.setProperty("aws.endpointUrl", aws.endpoint().toString());
    }

    @AfterEach
    void stop() {
        SDK.keySet().forEach(System::clearProperty);
        System.clearProperty("aws.endpointUrl");
        FixCommand.prompt = terminal;
        aws.close();
    }

    /** A person at a terminal who answers {@code answer}, doing {@code meanwhile} before answering. */
    private void person(boolean answer, Runnable meanwhile) {
        FixCommand.prompt = () -> new FixCommand.Prompt() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean ask(String question) {
                asked.add(question);
                meanwhile.run();
                return answer;
            }
        };
    }

    private int fix(String... extra) {
        List<String> args = new ArrayList<>(List.of("fix", "--region", StubWorld.FAILING_IN, "--model", StubWorld.MODEL,
                "--scan-region", "us-east-1", "--scan-region", "us-west-2", "--no-cache"));
        args.addAll(List.of(extra));
        return QuotaDoctorCommand.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void filesOnceAfterYesAndASecondRunFilesNothing() {
        person(true, () -> { });

        int first = fix();
        String firstOut = out.toString();
        out.getBuffer().setLength(0);
        int second = fix("--yes");

        assertThat(first).as(err.toString()).isZero();
        assertThat(asked).singleElement().asString().startsWith("File 2,000,000 for ").contains(StubWorld.QUOTA_CODE
                + " in us-west-2 (account 111122223333), which applies 200,000 now? [y/N]");
        assertThat(firstOut).contains("  filed: request req").contains(" (PENDING) for " + StubWorld.QUOTA_CODE
                + " in us-west-2").contains("$ aws service-quotas get-requested-service-quota-change --request-id req");
        assertThat(second).isZero();
        assertThat(out.toString()).doesNotContain("filed: request");
        assertThat(aws.calls("RequestServiceQuotaIncrease")).isEqualTo(1);
    }

    @Test
    void anOpenRequestAppearingBetweenThePreviewAndTheYesBlocksTheFiling() {
        // someone else files while the person reads the preview
        person(true, () -> aws.account(StubWorld.HOME).region(StubWorld.FAILING_IN).request("race0000000000000000000001",
                StubWorld.QUOTA_CODE, StubWorld.QUOTA_NAME, 900_000, "PENDING", Instant.now(), Instant.now()));

        int code = fix();

        assertThat(code).isZero();
        assertThat(out.toString()).contains("request race0000000000000000000001 for " + StubWorld.QUOTA_CODE
                + " in us-west-2 is PENDING (desired 900,000): AWS takes one open request per quota; nothing filed");
        assertThat(aws.calls("RequestServiceQuotaIncrease")).isZero();
    }

    @Test
    void aRefusedCallIsOneLineExitTwo() {
        aws.fault(StubFault.error("RequestServiceQuotaIncrease", 400, "AccessDeniedException",
                "User: arn:aws:iam::111122223333:user/x is not authorized to perform: servicequotas:RequestServiceQuotaIncrease"));

        int code = fix("--yes");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("quota-doctor: AWS refused filing " + StubWorld.QUOTA_CODE
                + " in us-west-2 (AccessDeniedException: ").contains("servicequotas:RequestServiceQuotaIncrease")
                .hasLineCount(1);
    }

    @Test
    void declinedEveryFilingIsExitFourAndNothingFiled() {
        person(false, () -> { });

        assertThat(fix()).isEqualTo(FixCommand.DECLINED);
        assertThat(aws.calls("RequestServiceQuotaIncrease")).isZero();
    }

    @Test
    void withoutATerminalOrYesNothingIsFiled() {
        FixCommand.prompt = () -> new FixCommand.Prompt() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public boolean ask(String question) {
                throw new AssertionError("no terminal to ask");
            }
        };

        assertThat(fix()).isZero();
        assertThat(out.toString()).contains("Nothing filed: no terminal to answer; --yes files without asking.");
        assertThat(aws.calls("RequestServiceQuotaIncrease")).isZero();
        assertThat(aws.calls("GetAWSDefaultServiceQuota")).isZero();
    }

    @Test
    void aValueAboveTheCeilingIsRefusedNotFiled() {
        int code = fix("--yes", "--ceiling", "1");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("refused: ").contains("is above the ceiling of 200,000 (1× the AWS default");
        assertThat(aws.calls("RequestServiceQuotaIncrease")).isZero();
    }

    @Test
    void anIncreaseApprovedButNotAppliedYetBlocksASecondFiling() {
        // approved a minute ago for 2,000,000, the applied value still the default: filing again would ask twice
        aws.account(StubWorld.HOME).region(StubWorld.FAILING_IN).request("appr0000000000000000000001",
                StubWorld.QUOTA_CODE, StubWorld.QUOTA_NAME, 2_000_000, "APPROVED", Instant.now().minusSeconds(120),
                Instant.now().minusSeconds(60));

        int code = fix("--yes");

        assertThat(code).isZero();
        assertThat(aws.calls("RequestServiceQuotaIncrease")).isZero();
        assertThat(out.toString()).doesNotContain("filed: request");
    }
}
