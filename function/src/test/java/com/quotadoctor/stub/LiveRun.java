package com.quotadoctor.stub;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.aws.AwsClients;
import com.quotadoctor.evidence.aws.CollectionSettings;
import com.quotadoctor.evidence.aws.LiveCollector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.util.Optional;

/** One live collection against the stub, with the stub account's credentials and the scenario's clock. */
public final class LiveRun {

    private LiveRun() {
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(StubAws.HOME_KEY, "stub-secret"));
    }

    public static Capture collect(StubAws aws, CollectionSettings settings, DiagnosisRequest request) {
        try (AwsClients clients = new AwsClients(settings, Optional.of(aws.endpoint()))) {
            return new LiveCollector(clients, credentials(), settings, StubWorld.CLOCK).collect(request);
        }
    }

    public static Capture collect(StubAws aws, CollectionSettings settings) {
        return collect(aws, settings, StubWorld.request());
    }
}
