package com.quotadoctor.evidence.aws;

import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubFault;
import com.quotadoctor.stub.StubWorld;

import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.Probe;
import com.quotadoctor.evidence.Capture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The optional explicit-region retest: off by default, one call with one output token when on. */
class ProbeTest {

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2");

    private StubAws aws;

    @AfterEach
    void stop() {
        aws.close();
    }

    private Capture collect(boolean probe, StubFault... faults) {
        aws = new StubAws(StubWorld.home(REGIONS));
        for (StubFault fault : faults) {
            aws.fault(fault);
        }
        return LiveRun.collect(aws, StubWorld.settings(REGIONS).withProbe(probe));
    }

    @Test
    void offByDefault() {
        Capture capture = collect(false);

        assertThat(aws.calls("Converse")).isZero();
        assertThat(capture.regions().values()).allSatisfy(r -> assertThat(r.collected())
                .doesNotContain(EvidenceSection.PROBES));
    }

    @Test
    void probesOnlyTheWorkloadRegionAndModel() {
        Capture capture = collect(true);

        assertThat(aws.calls(StubWorld.HOME, StubWorld.FAILING_IN, "Converse")).isEqualTo(1);
        assertThat(aws.calls("Converse")).isEqualTo(1);
        assertThat(capture.regions().get(StubWorld.FAILING_IN).probes()).singleElement().satisfies(p -> {
            assertThat(p.modelId()).isEqualTo(StubWorld.MODEL);
            assertThat(p.succeeded()).isTrue();
            assertThat(p.latencyMs()).isPresent();
        });
    }

    @Test
    void aThrottledProbeIsEvidenceAndIsNotRetried() {
        Capture capture = collect(true, StubFault.error("Converse", 429, "ThrottlingException",
                "Too many tokens, please wait before trying again."));

        assertThat(aws.calls("Converse")).isEqualTo(1);
        Probe probe = capture.regions().get(StubWorld.FAILING_IN).probes().get(0);
        assertThat(probe.outcome()).isEqualTo("ThrottlingException");
        assertThat(probe.message()).contains("Too many tokens, please wait before trying again.");
        assertThat(capture.evidence().allGaps()).isEmpty();
    }
}
