package com.quotadoctor.evidence.aws;

import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.evidence.SnapshotWriter;
import com.quotadoctor.notification.DiagnosisJson;
import com.quotadoctor.stub.LiveRun;
import com.quotadoctor.stub.LocalDynamo;
import com.quotadoctor.stub.StubAws;
import com.quotadoctor.stub.StubWorld;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The default catalogue kept a day: a warm function or a second CLI run reads it from AWS no more. */
class DefaultCatalogueTest {

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");

    private static Capture collect(StubAws aws, DefaultCatalogue catalogue, Clock clock) {
        CollectionSettings settings = StubWorld.settings(REGIONS);
        try (AwsClients clients = new AwsClients(settings, Optional.of(aws.endpoint()))) {
            return new LiveCollector(clients, LiveRun.credentials(), settings, clock, catalogue).collect(StubWorld.request());
        }
    }

    @Test
    void aWarmCollectorReadsTheCatalogueOnceAndDiagnosesAlike() {
        try (StubAws aws = new StubAws(StubWorld.home(REGIONS))) {
            DefaultCatalogue kept = DefaultCatalogue.inMemory(StubWorld.CLOCK);
            Capture first = collect(aws, kept, StubWorld.CLOCK);
            int cold = aws.calls("ListAWSDefaultServiceQuotas");

            Capture second = collect(aws, kept, StubWorld.CLOCK);

            assertThat(cold).isPositive();
            assertThat(aws.calls("ListAWSDefaultServiceQuotas")).as("no call on a warm catalogue").isEqualTo(cold);
            assertThat(json(second)).isEqualTo(json(first));
            Snapshot replayed = new SnapshotReader().read(new SnapshotWriter().write(second));
            assertThat(DiagnosisJson.write(Diagnostician.standard().diagnose(replayed.request(), replayed.evidence())))
                    .isEqualTo(json(second));
        }
    }

    @Test
    void theUsersCacheDirectoryServesTheNextRunUntilADayHasPassed(@TempDir Path dir) throws IOException {
        try (StubAws aws = new StubAws(StubWorld.home(REGIONS))) {
            collect(aws, DefaultCatalogue.inDirectory(dir, StubWorld.CLOCK), StubWorld.CLOCK);
            int cold = aws.calls("ListAWSDefaultServiceQuotas");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .contains("default-quotas-bedrock-us-east-1.json", "default-quotas-bedrock-us-west-2.json");
            }

            collect(aws, DefaultCatalogue.inDirectory(dir, StubWorld.CLOCK), StubWorld.CLOCK);
            assertThat(aws.calls("ListAWSDefaultServiceQuotas")).as("a new process, the file fresh").isEqualTo(cold);

            Clock dayLater = Clock.fixed(StubWorld.NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC);
            collect(aws, DefaultCatalogue.inDirectory(dir, dayLater), dayLater);
            assertThat(aws.calls("ListAWSDefaultServiceQuotas")).as("stale after a day").isEqualTo(2 * cold);
        }
    }

    @Test
    void aColdFunctionReadsTheCatalogueFromTheStateTableUntilADayHasPassed() {
        // the catalogue's clock is the real one: DynamoDB Local's TTL sweeper removes an item whose expiresAt has passed
        Clock now = Clock.systemUTC();
        try (LocalDynamo dynamo = new LocalDynamo(); StubAws aws = new StubAws(StubWorld.home(REGIONS))) {
            TableCatalogueStore table = new TableCatalogueStore(dynamo::client, LocalDynamo.TABLE);
            Capture first = collect(aws, DefaultCatalogue.in(table, now), StubWorld.CLOCK);
            int cold = aws.calls("ListAWSDefaultServiceQuotas");
            var item = dynamo.client().getItem(b -> b.tableName(LocalDynamo.TABLE).consistentRead(true)
                    .key(java.util.Map.of("pk", AttributeValue.fromS(TableCatalogueStore.PREFIX + "us-west-2")))).item();
            assertThat(item).containsKeys("document", "expiresAt");
            assertThat(item.get("document").b().asByteArray().length).as("compressed, far under an item's 400 KB")
                    .isLessThan(100_000);
            assertThat(Long.parseLong(item.get("expiresAt").n()))
                    .isBetween(now.instant().plus(DefaultCatalogue.TTL).getEpochSecond() - 60,
                            now.instant().plus(DefaultCatalogue.TTL).getEpochSecond() + 60);

            // another function instance: nothing in its memory, the table warm
            Capture second = collect(aws, DefaultCatalogue.in(table, now), StubWorld.CLOCK);
            assertThat(aws.calls("ListAWSDefaultServiceQuotas")).as("read from the table").isEqualTo(cold);
            assertThat(json(second)).isEqualTo(json(first));

            Clock dayLater = Clock.offset(now, Duration.ofHours(25));
            collect(aws, DefaultCatalogue.in(table, dayLater), StubWorld.CLOCK);
            assertThat(aws.calls("ListAWSDefaultServiceQuotas")).as("stale after a day").isEqualTo(2 * cold);
        }
    }

    @Test
    void anUnreachableTableCostsOnlyTheCallsItWouldHaveSaved() {
        DefaultCatalogue.Store down = new DefaultCatalogue.Store() {
            @Override
            public Optional<String> load(String region) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public void save(String region, String document, java.time.Instant expiresAt) {
                throw new IllegalStateException("connection refused");
            }
        };
        try (StubAws aws = new StubAws(StubWorld.home(REGIONS))) {
            Capture capture = collect(aws, DefaultCatalogue.in(down, StubWorld.CLOCK), StubWorld.CLOCK);

            assertThat(capture.evidence().allGaps()).isEmpty();
            assertThat(aws.calls("ListAWSDefaultServiceQuotas")).isPositive();
        }
    }

    @Test
    void aDamagedCacheFileIsReadAgainFromAws(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("default-quotas-bedrock-us-east-1.json"), "{\"region\": \"us-east-1\", \"fetchedAt\": ");
        try (StubAws aws = new StubAws(StubWorld.home(REGIONS))) {
            Capture capture = collect(aws, DefaultCatalogue.inDirectory(dir, StubWorld.CLOCK), StubWorld.CLOCK);

            assertThat(capture.regions().get("us-east-1").defaults()).isNotEmpty();
            assertThat(aws.calls(StubWorld.HOME, "us-east-1", "ListAWSDefaultServiceQuotas")).isPositive();
        }
    }

    private static String json(Capture c) {
        return DiagnosisJson.write(Diagnostician.standard().diagnose(c.request(), c.evidence()));
    }
}
