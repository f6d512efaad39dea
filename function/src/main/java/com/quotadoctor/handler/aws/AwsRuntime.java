package com.quotadoctor.handler.aws;

import com.quotadoctor.organization.aws.OrganizationsDirectory;
import com.quotadoctor.organization.aws.S3Objects;
import com.quotadoctor.workflow.OrganizationStep;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;

import com.quotadoctor.diagnosis.DiagnosisRules;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.diagnosis.Settings;
import com.quotadoctor.evidence.aws.AwsClients;
import com.quotadoctor.evidence.aws.CollectionSettings;
import com.quotadoctor.evidence.aws.DefaultCatalogue;
import com.quotadoctor.evidence.aws.LiveCollector;
import com.quotadoctor.evidence.aws.TableCatalogueStore;
import com.quotadoctor.evidence.aws.RequestHistoryReader;
import com.quotadoctor.notification.aws.DynamoDbLedger;
import com.quotadoctor.notification.aws.SnsPublisher;
import com.quotadoctor.watch.RequestWatcher;
import com.quotadoctor.watch.aws.DynamoDbStatusLedger;
import com.quotadoctor.watch.aws.EventBridgeStatusEvents;
import com.quotadoctor.workflow.Configuration;
import com.quotadoctor.workflow.DiagnoseStep;
import com.quotadoctor.workflow.NotifyStep;
import com.quotadoctor.workflow.RunLedger;
import com.quotadoctor.workflow.aws.DynamoDbRunLedger;
import com.quotadoctor.workflow.Telemetry;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The real collaborators of the Lambda handlers, built once per execution environment at init: clients with
 * the function's explicit region, one small HTTP client, the execution role's credentials from the
 * environment (no provider chain to walk at cold start).
 */
public final class AwsRuntime {

    private AwsRuntime() {
    }

    /** The HTTP client of the home-region clients; in a holder, built when the first of them is. */
    private static final class Http {
        static final SdkHttpClient CLIENT = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3)).socketTimeout(Duration.ofSeconds(10)).build();
    }

    /** The Diagnose step, and how to build its clients ahead of time. */
    public record Diagnosis(DiagnoseStep step, Runnable prepareClients) {
    }

    public static Diagnosis diagnosis(Configuration c, Telemetry telemetry) {
        CollectionSettings settings = collectionSettings(c);
        AwsClients clients = new AwsClients(settings, Optional.empty());
        Clock clock = Clock.systemUTC();
        // the default catalogue: in this warm function's memory, else in the state table (a cold start reads one item
        // per region instead of a dozen pages), else from Service Quotas
        DefaultCatalogue catalogue = c.tableName().isPresent()
                ? DefaultCatalogue.in(new TableCatalogueStore(() -> home(DynamoDbClient.builder(), c), c.tableName().get()), clock)
                : DefaultCatalogue.inMemory(clock);
        LiveCollector collector = new LiveCollector(clients, EnvironmentVariableCredentialsProvider.create(), settings,
                clock, catalogue);
        Diagnostician diagnostician = new Diagnostician(DiagnosisRules.all(),
                Settings.defaults().withPropagationWindow(c.propagationWindow()));
        // at most one running diagnosis per situation: claimed in the state table before any evidence is read
        RunLedger runs = c.tableName().<RunLedger>map(table -> new DynamoDbRunLedger(home(DynamoDbClient.builder(), c),
                table)).orElse(RunLedger.NONE);
        com.quotadoctor.notification.ReportStore reports = Configuration.reportsBucket(System.getenv())
                .<com.quotadoctor.notification.ReportStore>map(bucket -> new com.quotadoctor.notification.aws.S3ReportStore(
                        home(S3Client.builder(), c), bucket, c.homeRegion()))
                .orElse(com.quotadoctor.notification.ReportStore.NONE);
        return new Diagnosis(new DiagnoseStep(request -> collector.collectOrRecord(request).snapshot(),
                (account, role, request) -> collector.collectMemberOrRecord(request, account, role).snapshot(),
                runs, clock, diagnostician, c, telemetry, reports),
                () -> collector.prepare(c.workloadRegions()));
    }

    /** The organisation sweep's list and reduce tasks: Organizations (a global service) and the results bucket. */
    public static OrganizationStep organizationStep(Configuration c) {
        OrganizationsClient organizations = OrganizationsDirectory.client(Region.of(c.homeRegion()), Http.CLIENT,
                EnvironmentVariableCredentialsProvider.create());
        S3Objects bucket = new S3Objects(home(S3Client.builder(), c), required(c.resultsBucket(), "RESULTS_BUCKET"));
        RunLedger runs = c.tableName().<RunLedger>map(table -> new DynamoDbRunLedger(home(DynamoDbClient.builder(), c),
                table)).orElse(RunLedger.NONE);
        return new OrganizationStep(new OrganizationsDirectory(organizations), bucket, c.accountFilter(), runs,
                Clock.systemUTC());
    }

    /** The guided fix's filing task: Service Quotas with the execution role's credentials, the rails configured. */
    public static com.quotadoctor.workflow.FixStep fixStep(Configuration c) {
        return new com.quotadoctor.workflow.FixStep(new com.quotadoctor.fix.aws.ServiceQuotasDesk(
                EnvironmentVariableCredentialsProvider.create(), Clock.systemUTC()), Configuration.filingRails(System.getenv()));
    }

    public static NotifyStep notifyStep(Configuration c, Telemetry telemetry) {
        DynamoDbClient dynamo = home(DynamoDbClient.builder(), c);
        SnsClient sns = home(SnsClient.builder(), c);
        return new NotifyStep(new DynamoDbLedger(dynamo, required(c.tableName(), "TABLE_NAME")),
                new SnsPublisher(sns, required(c.topicArn(), "TOPIC_ARN")), Clock.systemUTC(), c.remember(), telemetry);
    }

    public static RequestWatcher requestWatcher(Configuration c) {
        CollectionSettings settings = collectionSettings(c);
        DynamoDbClient dynamo = home(DynamoDbClient.builder(), c);
        EventBridgeClient events = home(EventBridgeClient.builder(), c);
        RequestHistoryReader history = new RequestHistoryReader(new AwsClients(settings, Optional.empty()),
                EnvironmentVariableCredentialsProvider.create(), c.homeRegion(), c.roleArns());
        return new RequestWatcher(history::read, new DynamoDbStatusLedger(dynamo, required(c.tableName(), "TABLE_NAME")),
                new EventBridgeStatusEvents(events, c.eventBus()), Clock.systemUTC(), c.propagationWindow());
    }

    /** Every region the watcher and the collector read: the workload's and the scanned ones. */
    public static List<String> watchedRegions(Configuration c) {
        Set<String> regions = new LinkedHashSet<>(c.workloadRegions());
        regions.addAll(collectionSettings(c).scanRegions());
        return List.copyOf(regions);
    }

    /**
     * A client of the function's own region, on the shared HTTP client, with the execution role's credentials.
     * Every call bounded well below the function's timeout: Notify makes three (claim, publish, mark sent) in its
     * 30 s, so each call gets 8 s in all, 3 s per attempt; one that overruns fails the task, which the workflow retries.
     */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C home(B builder, Configuration c) {
        return builder.region(Region.of(c.homeRegion())).httpClient(Http.CLIENT)
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(8)).apiCallAttemptTimeout(Duration.ofSeconds(3)))
                .build();
    }

    private static CollectionSettings collectionSettings(Configuration c) {
        return CollectionSettings.defaults(c.homeRegion())
                .withScanRegions(c.scanRegions().isEmpty() ? CollectionSettings.BEDROCK_REGIONS : c.scanRegions())
                .withRoles(c.roleArns())
                .withProbe(c.probe());
    }

    private static String required(Optional<String> value, String name) {
        return value.orElseThrow(() -> new IllegalStateException(Configuration.PREFIX + name + " is not set"));
    }
}
