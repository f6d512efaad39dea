package com.quotadoctor.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quota Doctor in its home region: the three functions, the workflow, the triggers, the findings topic, the
 * state table, the home region's throttle alarms and the dashboard.
 */
public final class QuotaDoctorStack extends Stack {

    static final String STATUS_SOURCE = "quota-doctor";
    private EventBus statusBus;
    private final Key topicKey;
    private final Topic findings;
    private final Table table;
    private final QuotaDoctorFunction diagnose;
    private final QuotaDoctorFunction notify;
    private final QuotaDoctorFunction watch;
    private final DiagnosisWorkflow workflow;

    public QuotaDoctorStack(Construct scope, String id, StackProps props, DeploymentConfig config) {
        super(scope, id, props);
        Tags.of(this).add("application", "quota-doctor");

        // Findings name accounts, regions and quota codes: encrypted at rest, TLS only in transit. A customer managed
        // key, not aws/sns: CloudWatch alarms (Quota Doctor watching itself) can publish only to a topic whose key
        // policy lets cloudwatch.amazonaws.com use the key, and the AWS managed key's policy cannot say so.
        topicKey = Key.Builder.create(this, "FindingsKey")
                .description("Quota Doctor findings topic")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        topicKey.addToResourcePolicy(PolicyStatement.Builder.create().sid("AlarmsPublishFindings")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*")).resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
                .build());
        findings = Topic.Builder.create(this, "Findings")
                .displayName("Quota Doctor findings")
                .masterKey(topicKey)
                .enforceSsl(true)
                .build();
        // findings name accounts and quotas: never delivered in clear text over plain HTTP
        findings.addToResourcePolicy(PolicyStatement.Builder.create().sid("NoPlainHttpSubscriptions")
                .effect(software.amazon.awscdk.services.iam.Effect.DENY)
                .principals(List.of(new software.amazon.awscdk.services.iam.AnyPrincipal()))
                .actions(List.of("sns:Subscribe")).resources(List.of(findings.getTopicArn()))
                .conditions(Map.of("StringEquals", Map.of("sns:Protocol", "http"))).build());
        config.email().ifPresent(e -> findings.addSubscription(new EmailSubscription(e)));

        // Dedupe claims and the watcher's last-seen statuses: on-demand (a few writes an hour), TTL, PITR.
        table = Table.Builder.create(this, "State")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute("expiresAt")
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        Queue deadLetters = Queue.Builder.create(this, "FailedInvocations")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        Suppressions.suppress(deadLetters, "AwsSolutions-SQS3", "This queue is the dead-letter queue: of the "
                + "functions' asynchronous invocations and of the rules' undeliverable events");

        Map<String, String> common = new LinkedHashMap<>();
        common.put("QUOTA_DOCTOR_WORKLOAD_REGIONS", String.join(",", config.workloadRegions()));
        common.put("QUOTA_DOCTOR_MODELS", String.join(",", config.models()));
        common.put("QUOTA_DOCTOR_PROPAGATION_WINDOW", config.propagationWindow().toString());
        common.put("QUOTA_DOCTOR_TABLE_NAME", table.getTableName());
        common.put("QUOTA_DOCTOR_TOPIC_ARN", findings.getTopicArn());
        common.put("QUOTA_DOCTOR_ROLE_ARNS", String.join(",", config.memberRoleArns()));
        common.put("QUOTA_DOCTOR_PROBE", Boolean.toString(config.probe()));

        // Reserved concurrency only when asked: Lambda keeps 100 of an account's concurrency unreserved, so in a new
        // account (a limit as low as 10) any reservation fails the deploy. Asked for, an organisation sweep's
        // organizationConcurrency invocations come on top of the single-account workflow's, so the map is never throttled.
        Integer reserved = config.reservedConcurrency()
                .map(n -> n + config.organization().map(DeploymentConfig.Organization::concurrency).orElse(0)).orElse(null);
        Integer reservedWatch = config.reservedConcurrency().map(n -> 1).orElse(null);
        Names names = config.names();
        // each diagnosis's HTML report: it names accounts, models and quotas, so private, encrypted, TLS only, a month
        software.amazon.awscdk.services.s3.Bucket reports = software.amazon.awscdk.services.s3.Bucket.Builder.create(this, "Reports")
                .encryption(software.amazon.awscdk.services.s3.BucketEncryption.S3_MANAGED)
                .blockPublicAccess(software.amazon.awscdk.services.s3.BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(software.amazon.awscdk.services.s3.ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(software.amazon.awscdk.services.s3.LifecycleRule.builder()
                        .expiration(Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Suppressions.suppress(reports, "AwsSolutions-S1", "Holds only the reports the Diagnose function writes, read by "
                + "people signed in to this account's console and expired after 30 days; object-level access is in "
                + "CloudTrail data events where the account records them, and a log bucket would need one of its own");
        Map<String, String> diagnoseEnv = new LinkedHashMap<>(common);
        diagnoseEnv.put("QUOTA_DOCTOR_REPORTS_BUCKET", reports.getBucketName());
        // 1 GB: the JVM's cold start is CPU-bound and Lambda gives CPU with memory; 17 regions read in parallel.
        diagnose = new QuotaDoctorFunction(this, "Diagnose", new QuotaDoctorFunction.Spec(
                "com.quotadoctor.handler.DiagnoseHandler", "Quota Doctor: collect evidence and diagnose",
                1024, 120, reserved, names.diagnoseRole(config.homeRegion())), diagnoseEnv, deadLetters);
        diagnose.allow(PolicyStatement.Builder.create().sid("KeepReports").actions(List.of("s3:PutObject"))
                .resources(List.of(reports.arnForObjects("reports/*"))).build());
        Suppressions.suppress(diagnose, "AwsSolutions-IAM5", "Each report is named per diagnosis (day, fingerprint, "
                + "attempt) under the reports bucket's reports/ prefix; write only, this bucket only",
                "Resource::<" + getLogicalId((software.amazon.awscdk.CfnElement) reports.getNode().getDefaultChild())
                        + ".Arn>/reports/*");
        CfnOutput.Builder.create(this, "ReportsBucket").value(reports.getBucketName())
                .description("Each diagnosis's HTML report (reports/<day>/<fingerprint>-<attempt>.html), kept 30 days; "
                        + "the notification links its console page").build();
        notify = new QuotaDoctorFunction(this, "Notify", new QuotaDoctorFunction.Spec(
                "com.quotadoctor.handler.NotifyHandler", "Quota Doctor: announce a diagnosis once",
                512, 30, reserved, null), common, deadLetters);
        watch = new QuotaDoctorFunction(this, "Watch", new QuotaDoctorFunction.Spec(
                "com.quotadoctor.handler.WatchHandler", "Quota Doctor: sweep the increase request history",
                1024, 300, reservedWatch, names.watchRole(config.homeRegion())), common, deadLetters);
        // the watcher's status changes travel on a bus of their own that only the Watch role may put events on: a
        // principal allowed events:PutEvents on the default bus cannot forge one (a Deny in the resource policy binds
        // same-account principals too)
        statusBus = EventBus.Builder.create(this, "StatusBus").eventBusName(names.statusBus()).build();
        // set on the bus itself: addToResourcePolicy would go through CfnEventBusPolicy's deprecated principal field
        ((software.amazon.awscdk.services.events.CfnEventBus) statusBus.getNode().getDefaultChild()).setPolicy(
                software.amazon.awscdk.services.iam.PolicyDocument.Builder.create().statements(List.of(
                        PolicyStatement.Builder.create().sid("OnlyTheWatcherEmits")
                                .effect(software.amazon.awscdk.services.iam.Effect.DENY)
                                .principals(List.of(new software.amazon.awscdk.services.iam.AnyPrincipal()))
                                // the bus's ARN spelled out: its own GetAtt in its own policy would be a cycle
                                .actions(List.of("events:PutEvents")).resources(List.of(formatArn(
                                        software.amazon.awscdk.ArnComponents.builder().service("events")
                                                .resource("event-bus").resourceName(names.statusBus()).build())))
                                .conditions(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", watch.role().getRoleArn())))
                                .build())).build());
        watch.function().addEnvironment("QUOTA_DOCTOR_EVENT_BUS", statusBus.getEventBusName());
        grant(config);

        java.util.Optional<DiagnosisWorkflow.GuidedFix> guided = config.guidedFix().map(g -> new DiagnosisWorkflow.GuidedFix(
                guidedFixFunction(config, g, common, deadLetters).alias(), g.approvalHours()));
        workflow = new DiagnosisWorkflow(this, "Workflow", diagnose.alias(), notify.alias(), guided);
        java.util.Optional<OrganizationSweep> sweep = config.organization().map(org -> new OrganizationSweep(this,
                "Organization", config, org, common, deadLetters, diagnose, notify.alias()));
        // one sweep at a time, however many alarms fire or are set by hand: its claim only (key "running#organization-sweep")
        sweep.ifPresent(s -> s.organizationFunction().allow(PolicyStatement.Builder.create().sid("ClaimTheSweep")
                .actions(List.of("dynamodb:PutItem", "dynamodb:UpdateItem")).resources(List.of(table.getTableArn()))
                .conditions(Map.of("ForAllValues:StringEquals", Map.of("dynamodb:LeadingKeys",
                        List.of("running#organization-sweep")))).build()));
        new Triggers(this, "Triggers", config, workflow.stateMachine(), watch.alias(), deadLetters, statusBus);
        if (config.workloadRegions().contains(config.homeRegion())) {
            new ThrottleAlarms(this, "Alarms", config);
        }
        Map<String, software.amazon.awscdk.services.lambda.Function> functions = new LinkedHashMap<>();
        functions.put("Diagnose", diagnose.function());
        functions.put("Notify", notify.function());
        functions.put("Watch", watch.function());
        sweep.ifPresent(s -> functions.put("Organization", s.function()));
        new SelfMonitoring(this, "SelfMonitoring", workflow.stateMachine(), sweep.map(OrganizationSweep::stateMachine),
                functions, deadLetters, findings, names);
        config.chat().ifPresent(channel -> new ChatChannel(this, "Chat", channel, findings, names));
        new QuotaDoctorDashboard(this, "Dashboard", config);
        if (config.createTrail()) {
            new AuditTrail(this, "Trail");
        }

        CfnOutput.Builder.create(this, "FindingsTopicArn").value(findings.getTopicArn())
                .description("Subscribe here to receive diagnoses").build();
        CfnOutput.Builder.create(this, "SubscribeByEmail")
                .value("aws sns subscribe --region " + config.homeRegion() + " --topic-arn " + findings.getTopicArn()
                        + " --protocol email --notification-endpoint YOU@EXAMPLE.COM")
                .description("Who hears the findings: run this (or deploy with -c email=…), then confirm the e-mail")
                .build();
        CfnOutput.Builder.create(this, "StateMachineArn").value(workflow.stateMachine().getStateMachineArn())
                .description("aws stepfunctions start-execution --state-machine-arn <this> --input file://events/on-demand.json")
                .build();
        CfnOutput.Builder.create(this, "DiagnoseFunctionName").value(diagnose.function().getFunctionName())
                .description("Console test events: the files in events/").build();
    }

    /**
     * The guided fix's filing function: the only principal of the stack allowed to file an increase, and only on this
     * account's Bedrock quotas; its reads are the few the re-read before filing needs.
     */
    private QuotaDoctorFunction guidedFixFunction(DeploymentConfig config, DeploymentConfig.GuidedFix g,
                                                  Map<String, String> common, Queue deadLetters) {
        Map<String, String> env = new java.util.LinkedHashMap<>(common);
        env.put("QUOTA_DOCTOR_FIX_CEILING", Integer.toString(g.ceiling()));
        env.put("QUOTA_DOCTOR_FIX_PER_DAY", Integer.toString(g.perDay()));
        QuotaDoctorFunction fix = new QuotaDoctorFunction(this, "Fix", new QuotaDoctorFunction.Spec(
                "com.quotadoctor.handler.FixHandler", "Quota Doctor: file the approved quota increases",
                512, 60, config.reservedConcurrency().map(n -> 1).orElse(null), null), env, deadLetters);
        // RequestServiceQuotaIncrease and GetServiceQuota take the quota's ARN (resource type quota): this account's
        // Bedrock quotas only, in any region
        fix.allow(PolicyStatement.Builder.create().sid("FileBedrockQuotaIncreases")
                .actions(List.of("servicequotas:RequestServiceQuotaIncrease", ReadOnlyAccess.GET_SERVICE_QUOTA))
                .resources(List.of(ReadOnlyAccess.quotaArns(this))).build());
        fix.allow(PolicyStatement.Builder.create().sid("ReadBeforeFiling")
                .actions(List.of("servicequotas:GetAWSDefaultServiceQuota",
                        "servicequotas:ListRequestedServiceQuotaChangeHistory",
                        "servicequotas:ListRequestedServiceQuotaChangeHistoryByQuota"))
                .resources(List.of("*")).build());
        Suppressions.suppress(fix.role(), "AwsSolutions-IAM5", "Filing and reading one quota take the quota's ARN; the "
                + "quotas filed are named at run time in any region, so the grant is this account's Bedrock quotas "
                + "(bedrock/*) alone, and only with guidedFix=true", Suppressions.QUOTA_VALUES_RESOURCE);
        return fix;
    }

    private void grant(DeploymentConfig config) {
        diagnose.allow(ReadOnlyAccess.serviceQuotas());
        diagnose.allow(ReadOnlyAccess.quotaValues(this));
        diagnose.allow(ReadOnlyAccess.evidence());
        diagnose.allow(ReadOnlyAccess.inferenceProfiles(this));
        Suppressions.suppress(diagnose, "AwsSolutions-IAM5", Suppressions.APPLICATION_PROFILES,
                Suppressions.APPLICATION_PROFILES_RESOURCE);
        if (!config.memberRoleArns().isEmpty()) {
            diagnose.allow(PolicyStatement.Builder.create().sid("ReadMemberAccounts").actions(List.of("sts:AssumeRole"))
                    .resources(config.memberRoleArns()).build());
            watch.allow(PolicyStatement.Builder.create().sid("SweepMemberAccounts").actions(List.of("sts:AssumeRole"))
                    .resources(config.memberRoleArns()).build());
        }
        if (config.probe()) {
            diagnose.allow(PolicyStatement.Builder.create().sid("ProbeConfiguredModels")
                    .actions(List.of("bedrock:InvokeModel")).resources(ModelArns.of(config, this)).build());
            ModelArns.of(config, this).stream().filter(a -> a.contains(":bedrock:*::")).forEach(a ->
                    Suppressions.suppress(diagnose, "AwsSolutions-IAM5", "A cross-region inference profile routes to its "
                            + "foundation model in any destination region; the grant names that one model only",
                            "Resource::" + a.replace(software.amazon.awscdk.Aws.PARTITION, "<AWS::Partition>")));
        }
        notify.allow(PolicyStatement.Builder.create().sid("PublishFindings").actions(List.of("sns:Publish"))
                .resources(List.of(findings.getTopicArn())).build());
        notify.allow(PolicyStatement.Builder.create().sid("EncryptFindings")
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey")).resources(List.of(topicKey.getKeyArn())).build());
        notify.allow(PolicyStatement.Builder.create().sid("ClaimNotifications")
                .actions(List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"))
                .resources(List.of(table.getTableArn()))
                .conditions(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("notified#*"))))
                .build());
        // the default catalogue kept a day in the state table: its own items only (keys "catalogue#bedrock#<region>")
        diagnose.allow(PolicyStatement.Builder.create().sid("KeepDefaultCatalogue")
                .actions(List.of("dynamodb:GetItem", "dynamodb:PutItem")).resources(List.of(table.getTableArn()))
                .conditions(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("catalogue#bedrock#*"))))
                .build());
        // at most one running diagnosis per situation: its claims only (keys "running#<situation>")
        diagnose.allow(PolicyStatement.Builder.create().sid("ClaimRunningDiagnoses")
                .actions(List.of("dynamodb:PutItem", "dynamodb:UpdateItem")).resources(List.of(table.getTableArn()))
                .conditions(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("running#*"))))
                .build());
        watch.allow(PolicyStatement.Builder.create().sid("ReadRequestHistory")
                .actions(List.of("servicequotas:ListRequestedServiceQuotaChangeHistory", "servicequotas:ListServiceQuotas"))
                .resources(List.of("*")).build());
        watch.allow(ReadOnlyAccess.quotaValues(this));
        for (QuotaDoctorFunction reader : List.of(diagnose, watch)) {
            Suppressions.suppress(reader.role(), "AwsSolutions-IAM5", Suppressions.QUOTA_VALUES,
                    Suppressions.QUOTA_VALUES_RESOURCE);
        }
        // only our writers: Notify and CloudWatch alarms (Quota Doctor watching itself) may publish findings; anyone
        // else allowed sns:Publish and the key could otherwise fake a finding, chat cards included
        findings.addToResourcePolicy(PolicyStatement.Builder.create().sid("OnlyQuotaDoctorPublishes")
                .effect(software.amazon.awscdk.services.iam.Effect.DENY)
                .principals(List.of(new software.amazon.awscdk.services.iam.AnyPrincipal()))
                .actions(List.of("sns:Publish")).resources(List.of(findings.getTopicArn()))
                .conditions(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", notify.role().getRoleArn()),
                        "StringNotEquals", Map.of("aws:PrincipalServiceName", "cloudwatch.amazonaws.com")))
                .build());
        // each function its own keys of the shared table: Watch cannot write a notification claim, and so on
        watch.allow(PolicyStatement.Builder.create().sid("RecordStatuses")
                .actions(List.of("dynamodb:GetItem", "dynamodb:PutItem")).resources(List.of(table.getTableArn()))
                .conditions(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("request#*", "applied#*"))))
                .build());
        watch.allow(PolicyStatement.Builder.create().sid("EmitStatusChanges").actions(List.of("events:PutEvents"))
                .resources(List.of(statusBus.getEventBusArn()))
                .conditions(Map.of("StringEquals", Map.of("events:source", List.of(STATUS_SOURCE))))
                .build());
    }
}
