package com.quotadoctor.infra;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudformation.CfnStackSet;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.DistributedMap;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.ResultWriterV2;
import software.amazon.awscdk.services.stepfunctions.S3JsonItemReader;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Organisation mode: the member role in every account of the chosen roots or OUs (a service-managed StackSet, new
 * accounts included), and the sweep. A Lambda lists the active accounts into the results bucket; a Distributed Map
 * reads that list and diagnoses each account through its member role (its own child execution: retried, and a failure
 * caught into that account's report); its ResultWriter puts every child's result in the bucket; the reduction sets the
 * accounts against each other, keeps the report there and hands Notify the digest.
 */
final class OrganizationSweep extends Construct {


    private final StateMachine stateMachine;
    private final Bucket bucket;
    private final QuotaDoctorFunction organization;

    OrganizationSweep(Construct scope, String id, DeploymentConfig config, DeploymentConfig.Organization org,
                      Map<String, String> common, Queue deadLetters, QuotaDoctorFunction diagnose, IFunction notify) {
        super(scope, id);
        String organizationId = config.organizationId().orElseThrow();

        // sweep lists, map results and reports name accounts: private, encrypted, TLS only, kept a month
        bucket = Bucket.Builder.create(this, "Results")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Suppressions.suppress(bucket, "AwsSolutions-S1", "Holds only the sweep's own intermediate files, written and "
                + "read by this stack's workflow and function and expired after 30 days; object-level access is in "
                + "CloudTrail data events where the account records them, and a log bucket would need one of its own");

        Map<String, String> env = new java.util.LinkedHashMap<>(common);
        env.put("QUOTA_DOCTOR_RESULTS_BUCKET", bucket.getBucketName());
        env.put("QUOTA_DOCTOR_ORGANIZATION_UNITS", String.join(",", org.units()));
        org.accountTag().ifPresent(t -> env.put("QUOTA_DOCTOR_ACCOUNT_TAG", t));
        organization = new QuotaDoctorFunction(this, "Organization", new QuotaDoctorFunction.Spec(
                "com.quotadoctor.handler.OrganizationHandler", "Quota Doctor: list the organisation's accounts, reduce a sweep",
                1024, 120, config.reservedConcurrency().map(n -> 2).orElse(null), null), env, deadLetters);
        organization.allow(PolicyStatement.Builder.create().sid("ListMemberAccounts")
                .actions(List.of("organizations:ListAccounts", "organizations:ListAccountsForParent",
                        "organizations:ListOrganizationalUnitsForParent", "organizations:ListTagsForResource"))
                .resources(List.of("*")).build());
        organization.allow(PolicyStatement.Builder.create().sid("SweepFiles")
                .actions(List.of("s3:GetObject", "s3:PutObject")).resources(List.of(bucket.arnForObjects("sweeps/*")))
                .build());
        organization.allow(PolicyStatement.Builder.create().sid("ReadMapResults")
                .actions(List.of("s3:GetObject")).resources(List.of(bucket.arnForObjects("results/*"))).build());
        Suppressions.suppress(organization.role(), "AwsSolutions-IAM5", "Organizations' list actions take no "
                + "resource narrower than the organisation itself; they read, never change", "Resource::*");
        Suppressions.suppress(organization.role(), "AwsSolutions-IAM5", "A sweep's files are named per execution "
                + "under the bucket's sweeps/ and results/ prefixes", "Resource::<" + logicalId(bucket) + ".Arn>/sweeps/*",
                "Resource::<" + logicalId(bucket) + ".Arn>/results/*");

        // the Diagnose role reads any member account of this organisation, by the role name every member has, and
        // nothing outside it
        String memberRole = config.names().memberRole();
        diagnose.function().addEnvironment("QUOTA_DOCTOR_MEMBER_ROLE_NAME", memberRole);
        diagnose.allow(PolicyStatement.Builder.create().sid("ReadOrganizationMembers").actions(List.of("sts:AssumeRole"))
                .resources(List.of("arn:" + Aws.PARTITION + ":iam::*:role/" + memberRole))
                .conditions(Map.of("StringEquals", Map.of("aws:ResourceOrgID", organizationId))).build());
        Suppressions.suppress(diagnose.role(), "AwsSolutions-IAM5", "The member accounts are the organisation's, "
                + "unknown at deploy time and joining later: the grant names the one member role and only inside this "
                + "organisation (aws:ResourceOrgID)", "Resource::arn:<AWS::Partition>:iam::*:role/" + memberRole);

        stateMachine = workflow(org, diagnose.alias(), notify);
        // only our writers: the map (its ResultWriter writes results/…, which Reduce trusts) and the Organization
        // function (sweeps/…); any other principal allowed s3:PutObject is refused here
        bucket.addToResourcePolicy(PolicyStatement.Builder.create().sid("OnlyTheSweepWrites")
                .effect(software.amazon.awscdk.services.iam.Effect.DENY)
                .principals(List.of(new software.amazon.awscdk.services.iam.AnyPrincipal()))
                .actions(List.of("s3:PutObject")).resources(List.of(bucket.arnForObjects("*")))
                .conditions(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn",
                        List.of(stateMachine.getRole().getRoleArn(), organization.role().getRoleArn()))))
                .build());
        memberRoles(config, org);

        Rule.Builder.create(this, "Schedule").description("Quota Doctor: sweep the organisation")
                .schedule(Schedule.expression(org.schedule()))
                .targets(List.of(SfnStateMachine.Builder.create(stateMachine)
                        .input(RuleTargetInput.fromObject(Map.of("source", "aws.events", "detail-type", "Scheduled Event",
                                "detail", Map.of()))).deadLetterQueue(deadLetters).build()))
                .build();
        // a throttle alarm fans out too: every account looked at in the alarm's region and model, so the account
        // whose increase those calls lack is found (the single-account workflow still follows the alarm's own account)
        Rule.Builder.create(this, "AlarmSweep").description("A throttle alarm fired: look at every account for its quota")
                .eventPattern(Triggers.alarmPattern(config))
                .targets(List.of(SfnStateMachine.Builder.create(stateMachine).deadLetterQueue(deadLetters)
                        .retryAttempts(3).maxEventAge(Duration.hours(2)).build()))
                .build();
        CfnOutput.Builder.create(Stack.of(this), "OrganizationStateMachineArn").value(stateMachine.getStateMachineArn())
                .description("aws stepfunctions start-execution --state-machine-arn <this> (sweeps every member account)")
                .build();
        CfnOutput.Builder.create(Stack.of(this), "OrganizationResultsBucket").value(bucket.getBucketName())
                .description("Each sweep's report: s3://<this>/sweeps/<execution name>/report.json").build();
    }

    private StateMachine workflow(DeploymentConfig.Organization org, IFunction diagnose, IFunction notify) {
        LambdaInvoke listAccounts = LambdaInvoke.Builder.create(this, "ListAccounts")
                .comment("The active member accounts, written where the map's ItemReader reads them")
                .lambdaFunction(organization.alias()).payloadResponseOnly(true).retryOnServiceExceptions(false)
                .payload(TaskInput.fromObject(Map.of("action", "accounts", "sweep", JsonPath.stringAt("$$.Execution.Name"))))
                .resultPath("$.listed").build();
        listAccounts.addRetry(DiagnosisWorkflow.transientRetry(4));
        listAccounts.addRetry(DiagnosisWorkflow.taskFailedRetry(2));

        // one child execution per account: diagnose it, announce its situation once, report it
        LambdaInvoke diagnoseAccount = LambdaInvoke.Builder.create(this, "DiagnoseAccount")
                .comment("This account alone, through its member role")
                .lambdaFunction(diagnose).payloadResponseOnly(true).retryOnServiceExceptions(false)
                .resultPath("$.diagnosis").build();
        diagnoseAccount.addRetry(DiagnosisWorkflow.transientRetry(4));
        Pass unreadable = Pass.Builder.create(this, "AccountUnreadable").comment("A failed account is a gap of the sweep")
                .parameters(Map.of("accountReport", Map.of("account.$", "$.memberAccount", "severity", "WARNING",
                        "unreadable.$", "States.Format('{}: {}', $.failure.Error, $.failure.Cause)"))).build();
        diagnoseAccount.addCatch(unreadable, CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.failure").build());
        Pass refused = Pass.Builder.create(this, "AccountRefused").comment("The item was refused as input")
                .parameters(Map.of("accountReport", Map.of("account.$", "$.memberAccount", "severity", "WARNING",
                        "unreadable.$", "States.JsonToString($.diagnosis)"))).build();
        Pass report = Pass.Builder.create(this, "AccountReport")
                .parameters(Map.of("accountReport.$", "$.diagnosis.accountReport")).build();
        LambdaInvoke notifyAccount = LambdaInvoke.Builder.create(this, "NotifyAccount")
                .comment("This account's situation, once per fingerprint, as any diagnosis")
                .lambdaFunction(notify).payloadResponseOnly(true).retryOnServiceExceptions(false)
                .inputPath("$.diagnosis").resultPath(JsonPath.DISCARD).build();
        notifyAccount.addRetry(DiagnosisWorkflow.transientRetry(4));
        notifyAccount.addRetry(DiagnosisWorkflow.taskFailedRetry(3));
        // the account's report goes on whatever became of its message: the digest still names it
        notifyAccount.addCatch(report, CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.notifyFailure").build());
        Pass stamp = DiagnosisWorkflow.stamp(this, "StampAccountDelivery", "$.diagnosis.delivery");
        Choice route = Choice.Builder.create(this, "Diagnosed").build()
                .when(Condition.isNotPresent("$.diagnosis.accountReport"), refused)
                .otherwise(stamp.next(notifyAccount).next(report));

        DistributedMap sweep = DistributedMap.Builder.create(this, "SweepAccounts")
                .comment("Every listed account, at most maxConcurrency at once; each AWS rate is per account")
                .itemReader(S3JsonItemReader.Builder.create().bucket(bucket).key(JsonPath.stringAt("$.listed.key")).build())
                .itemSelector(Map.of("memberAccount", JsonPath.stringAt("$$.Map.Item.Value.memberAccount"),
                        "trigger", JsonPath.objectAt("$$.Execution.Input")))
                .maxConcurrency(org.concurrency())
                .toleratedFailurePercentage(100)
                .resultWriterV2(ResultWriterV2.Builder.create().bucket(bucket).prefix("results").build())
                .resultPath("$.results")
                .mapExecutionType(software.amazon.awscdk.services.stepfunctions.StateMachineType.STANDARD)
                .build();
        sweep.itemProcessor(diagnoseAccount.next(route));

        LambdaInvoke reduce = LambdaInvoke.Builder.create(this, "Reduce")
                .comment("Set the accounts against each other; the report to S3, the digest to Notify")
                .lambdaFunction(organization.alias()).payloadResponseOnly(true).retryOnServiceExceptions(false)
                .payload(TaskInput.fromObject(Map.of("action", "reduce", "sweep", JsonPath.stringAt("$$.Execution.Name"),
                        "results", JsonPath.objectAt("$.results"))))
                .build();
        reduce.addRetry(DiagnosisWorkflow.transientRetry(4));
        reduce.addRetry(DiagnosisWorkflow.taskFailedRetry(2));
        Pass stampDigest = DiagnosisWorkflow.stamp(this, "StampDigestDelivery", "$.delivery");
        LambdaInvoke notifyDigest = LambdaInvoke.Builder.create(this, "NotifyDigest")
                .comment("One digest per sweep, not repeated while the organisation's situation is unchanged")
                .lambdaFunction(notify).payloadResponseOnly(true).retryOnServiceExceptions(false).build();
        notifyDigest.addRetry(DiagnosisWorkflow.transientRetry(4));
        notifyDigest.addRetry(DiagnosisWorkflow.taskFailedRetry(3));

        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        StateMachine machine = StateMachine.Builder.create(this, "StateMachine")
                .comment("Quota Doctor: sweep every member account of the organisation")
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromChainable(listAccounts.next(Choice.Builder.create(this, "OneSweepAtATime")
                        .build()
                        .when(Condition.isPresent("$.listed.busy"), Succeed.Builder.create(this, "AnotherSweepRuns")
                                .comment("Another sweep holds the claim: its findings answer this trigger too").build())
                        .otherwise(sweep.next(reduce).next(stampDigest).next(notifyDigest)
                                .next(Succeed.Builder.create(this, "Swept").build())))))
                .timeout(Duration.hours(6))
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(false).build())
                .build();
        String run = "arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{\"Fn::Select\":[6,{\"Fn::Split\":"
                + "[\":\",{\"Ref\":\"" + Stack.of(this).getLogicalId((CfnElement) machine.getNode().getDefaultChild()) + "\"}]}]}";
        Suppressions.suppress(machine, "AwsSolutions-IAM5", "The Distributed Map's child executions and map runs are "
                + "named per run under this state machine (Step Functions' documented policy for a Distributed Map)",
                "Resource::" + run + ":*", "Resource::" + run + "/*:*");
        Suppressions.suppress(machine, "AwsSolutions-IAM5", "The ItemReader reads the sweep's account list, and the "
                + "ResultWriter writes the map run's files, under this stack's own results bucket (keys per execution)",
                "Resource::arn:<AWS::Partition>:s3:::<" + logicalId(bucket) + ">/*");
        Suppressions.suppress(machine, "AwsSolutions-IAM5", "X-Ray tracing and CloudWatch Logs delivery "
                + "(logs:CreateLogDelivery and friends) support no resource-level permissions",
                "Resource::*");
        return machine;
    }

    /** The member role in every account under the chosen roots or OUs, new accounts included, by a StackSet. */
    private void memberRoles(DeploymentConfig config, DeploymentConfig.Organization org) {
        CfnStackSet.Builder.create(this, "MemberRoles")
                .stackSetName(config.names().memberRoleStackSet())
                .description("Quota Doctor: the read-only role the hub account's sweep assumes in each member account")
                .permissionModel("SERVICE_MANAGED")
                .autoDeployment(CfnStackSet.AutoDeploymentProperty.builder().enabled(true)
                        .retainStacksOnAccountRemoval(false).build())
                .callAs(org.delegatedAdmin() ? "DELEGATED_ADMIN" : "SELF")
                .capabilities(List.of("CAPABILITY_NAMED_IAM"))
                .managedExecution(Map.of("Active", true))
                .operationPreferences(CfnStackSet.OperationPreferencesProperty.builder()
                        .failureTolerancePercentage(10).maxConcurrentPercentage(25).regionConcurrencyType("PARALLEL").build())
                .parameters(List.of(CfnStackSet.ParameterProperty.builder().parameterKey(MemberRoleTemplate.HUB_ACCOUNT)
                        .parameterValue(Aws.ACCOUNT_ID).build()))
                .stackInstancesGroup(List.of(CfnStackSet.StackInstancesProperty.builder()
                        .deploymentTargets(CfnStackSet.DeploymentTargetsProperty.builder()
                                .organizationalUnitIds(org.units()).build())
                        // IAM is global: one instance per account, in the home region
                        .regions(List.of(config.homeRegion())).build()))
                .templateBody(MemberRoleTemplate.body(config))
                .build();
    }

    private String logicalId(Bucket b) {
        return Stack.of(this).getLogicalId((CfnElement) b.getNode().getDefaultChild());
    }

    QuotaDoctorFunction organizationFunction() {
        return organization;
    }

    StateMachine stateMachine() {
        return stateMachine;
    }

    software.amazon.awscdk.services.lambda.Function function() {
        return organization.function();
    }
}
