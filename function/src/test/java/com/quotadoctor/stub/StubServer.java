package com.quotadoctor.stub;

import com.quotadoctor.evidence.aws.CollectionSettings;

import java.io.IOException;
import java.time.Instant;

/**
 * The stub account as a server of its own, for benchmarks that run Quota Doctor in another process: 17 regions,
 * the realistic catalogue, dated from now, throttling at AWS's published rates. Prints {@code endpoint=…}, serves
 * until its standard input closes, then prints the calls it served per operation.
 */
public final class StubServer {

    private StubServer() {
    }

    public static void main(String[] args) throws IOException {
        try (StubAws aws = new StubAws(StubWorld.home(CollectionSettings.BEDROCK_REGIONS, Instant.now()))
                .enforcingPublishedRates()) {
            System.out.println("endpoint=" + aws.endpoint());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our input
            }
            System.out.println("calls=" + aws.callsPerOperation() + " throttled=" + aws.throttledPerOperation());
        }
    }
}
