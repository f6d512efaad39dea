package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.stub.HostileFront;
import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An endpoint that answers 200 with a body AWS never sends: the response is cut at its operation's byte bound, costs
 * one gap, and every other read of the run stands. (The packaged jar at a Lambda-sized heap: HostileEndpointIT.)
 */
class HostileEndpointTest {

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2");

    @ParameterizedTest
    @EnumSource(HostileFront.Mode.class)
    void aBodyBeyondItsBoundIsOneGapAndIsNotReadOn(HostileFront.Mode mode) throws Exception {
        try (StubAws aws = new StubAws(StubWorld.home(REGIONS));
             HostileFront front = new HostileFront(aws.endpoint(), mode, Set.of("ListServiceQuotas"))) {
            CollectionSettings settings = StubWorld.settings(REGIONS).withQuotasEverywhere(true);
            Capture capture;
            try (AwsClients clients = new AwsClients(settings, Optional.of(front.endpoint()))) {
                capture = new LiveCollector(clients, LiveRun.credentials(), settings, StubWorld.CLOCK)
                        .collect(StubWorld.request());
            }

            List<EvidenceGap> gaps = capture.evidence().allGaps();
            assertThat(gaps).extracting(EvidenceGap::source).containsOnly("ListServiceQuotas");
            assertThat(gaps).extracting(EvidenceGap::code).containsOnly("ResponseTooLarge");
            assertThat(gaps.get(0).message()).startsWith("ListServiceQuotas answered ")
                    .endsWith("bytes are expected: not AWS's answer, not read");
            // one call per region, not retried; each stopped near its bound (1 MiB), not at the body's end (2 GB). The
            // front counts what it wrote until the connection closed, socket buffers included, so the margin is wide:
            // under load it measured up to 24 MB for two regions
            assertThat(front.hostileCalls()).isEqualTo(REGIONS.size());
            assertThat(front.hostileBytesSent()).isLessThan(REGIONS.size() * 64L * 1024 * 1024);
            // the rest of the run stands: the request history and the failing calls were read
            assertThat(capture.evidence().regions().values()).allSatisfy(r -> assertThat(r.has(com.quotadoctor.domain.EvidenceSection.REQUESTED_CHANGES)).isTrue());
        }
    }
}
