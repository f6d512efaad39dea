package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.fix.FilingRails;
import com.quotadoctor.fix.QuotaDesk;
import com.quotadoctor.fix.QuotaState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The guided fix's filing task: the CLI's guard and rails, and the request the loop follows next. */
class FixStepTest {

    private static final String INPUT = "{\"filings\":[{\"quotaCode\":\"L-F4DDD3EB\",\"region\":\"us-west-2\","
            + "\"desiredValue\":400000}],\"justification\":\"peak 205,000\",\"request\":{\"regions\":[\"us-west-2\"],"
            + "\"modelIds\":[\"us.anthropic.claude-sonnet-4-5-20250929-v1:0\"]},\"attempt\":3}";

    /** Service Quotas in memory: the quota at 200,000 (default 200,000), the requests filed so far. */
    private static class Desk implements QuotaDesk {
        final List<QuotaState.OpenRequest> open = new ArrayList<>();
        int filed;

        @Override
        public QuotaState read(String quotaCode, String region) {
            return new QuotaState("Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1",
                    Optional.of(200_000.0), Optional.of(200_000.0), true, open, filed);
        }

        @Override
        public Filed file(String quotaCode, String region, double value) {
            filed++;
            open.add(new QuotaState.OpenRequest("req-" + filed, "PENDING", value, Optional.empty()));
            return new Filed("req-" + filed, "PENDING", Optional.empty());
        }
    }

    @Test
    void filesOnceAndTheLoopFollowsTheNewRequest() {
        Desk desk = new Desk();
        FixStep step = new FixStep(desk, FilingRails.DEFAULT);

        ObjectNode first = step.run(INPUT, Optional.of("111122223333"));
        ObjectNode again = step.run(INPUT, Optional.of("111122223333")); // a retried task, or the same approval delivered twice

        assertThat(first.at("/filed/0/requestId").asText()).isEqualTo("req-1");
        assertThat(first.at("/follow/requestId").asText()).isEqualTo("req-1");
        assertThat(first.at("/follow/quotaCode").asText()).isEqualTo("L-F4DDD3EB");
        assertThat(first.at("/follow/regions/0").asText()).isEqualTo("us-west-2");
        assertThat(first.at("/follow/attempt").asInt()).isEqualTo(4); // the approved diagnosis was attempt 3
        assertThat(again.get("filed")).isEmpty();
        // the retried task follows the request the first attempt filed (its answer may have been lost)
        assertThat(again.at("/follow/requestId").asText()).isEqualTo("req-1");
        assertThat(again.at("/nothing/0").asText()).startsWith("request req-1 for L-F4DDD3EB in us-west-2 is PENDING");
        assertThat(desk.filed).isEqualTo(1);
    }

    @Test
    void aRailRefusesAndNothingIsFiled() {
        Desk desk = new Desk();

        ObjectNode out = new FixStep(desk, new FilingRails(1.5, 2)).run(INPUT, Optional.of("111122223333"));

        assertThat(out.at("/refused/0").asText()).contains("is above the ceiling of 300,000");
        assertThat(desk.filed).isZero();
        assertThat(out.has("follow")).isFalse();
    }

    @Test
    void anotherAccountsIncreaseIsRefusedNeverFiledInThisOne() {
        Desk desk = new Desk();
        String member = INPUT.replace("\"region\":\"us-west-2\",", "\"region\":\"us-west-2\",\"account\":\"444455556666\",");

        ObjectNode out = new FixStep(desk, FilingRails.DEFAULT).run(member, Optional.of("111122223333"));

        assertThat(out.at("/refused/0").asText()).contains("is account 444455556666's")
                .contains("these credentials file in account 111122223333");
        assertThat(desk.filed).isZero();
    }

    @Test
    void aRefusedFilingCostsOnlyItselfAndAnUnreadDefaultRefusesTheCeiling() {
        String two = INPUT.replace("\"desiredValue\":400000}]", "\"desiredValue\":400000},{\"quotaCode\":\"L-4A6BFAB1\","
                + "\"region\":\"us-west-2\",\"desiredValue\":400000}]");
        Desk desk = new Desk() {
            @Override
            public Filed file(String quotaCode, String region, double value) {
                if (quotaCode.equals("L-F4DDD3EB")) {
                    throw software.amazon.awssdk.services.servicequotas.model.QuotaExceededException.builder()
                            .message("You have exceeded the active requests per region")
                            .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                    .errorCode("QuotaExceededException").errorMessage("You have exceeded the active "
                                            + "requests per region").build()).build();
                }
                return super.file(quotaCode, region, value);
            }
        };

        ObjectNode out = new FixStep(desk, FilingRails.DEFAULT).run(two, Optional.of("111122223333"));

        assertThat(out.at("/refused/0").asText()).isEqualTo("L-F4DDD3EB in us-west-2: AWS refused the filing "
                + "(QuotaExceededException: You have exceeded the active requests per region)");
        assertThat(out.at("/filed/0/quotaCode").asText()).isEqualTo("L-4A6BFAB1");

        Desk noDefault = new Desk() {
            @Override
            public QuotaState read(String quotaCode, String region) {
                return new QuotaState("x", Optional.of(200_000.0), Optional.empty(), true, List.of(), 0);
            }
        };
        ObjectNode refused = new FixStep(noDefault, FilingRails.DEFAULT).run(INPUT, Optional.of("111122223333"));
        assertThat(refused.at("/refused/0").asText()).contains("its AWS default could not be read");
        assertThat(noDefault.filed).isZero();
    }
}
