package com.quotadoctor.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class QuotaDoctorStackTest {

    private static App full;
    private static Stack home;
    private static Template template;

    @BeforeAll
    static void synth() {
        full = Synth.app(Synth.FULL);
        home = Synth.stack(full, "QuotaDoctor");
        template = Template.fromStack(home);
    }

    static void nagClean(Stack stack) {
        Annotations annotations = Annotations.fromStack(stack);
        assertThat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .extracting(m -> m.getEntry().getData()).isEmpty();
        assertThat(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .extracting(m -> m.getEntry().getData()).isEmpty();
    }

    @Test
    void theDefaultConfigurationIsNagClean() {
        App app = Synth.app(Map.of());

        nagClean(Synth.stack(app, "QuotaDoctor"));
        assertThat(app.getNode().getChildren()).filteredOn(c -> c instanceof Stack).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"QuotaDoctor", "QuotaDoctorForwarder-us-west-2", "QuotaDoctorMemberRole"})
    void everyStackOfTheFullConfigurationIsNagClean(String id) {
        nagClean(Synth.stack(full, id));
    }

    @Test
    void functionsRunTheJarOnJava21Arm64WithBoundedConcurrency() {
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of("Runtime", "java21",
                "Architectures", List.of("arm64"), "TracingConfig", Map.of("Mode", "Active")), 3);
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "com.quotadoctor.handler.DiagnoseHandler::handleRequest",
                "MemorySize", 1024, "Timeout", 120, "ReservedConcurrentExecutions", 5,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "QUOTA_DOCTOR_WORKLOAD_REGIONS", "us-east-1,us-west-2",
                        "QUOTA_DOCTOR_PROPAGATION_WINDOW", "PT24H",
                        "QUOTA_DOCTOR_PROBE", "true",
                        "POWERTOOLS_SERVICE_NAME", "quota-doctor")))));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "com.quotadoctor.handler.WatchHandler::handleRequest", "ReservedConcurrentExecutions", 1));
        template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30), 4);
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of("SnapStart", Map.of("ApplyOn", "PublishedVersions")), 3);
        template.resourcePropertiesCountIs("AWS::Lambda::Alias", Map.of("Name", "live"), 3);
        template.resourcePropertiesCountIs("AWS::Lambda::EventInvokeConfig", Map.of(
                "Qualifier", Map.of("Fn::Select", List.of(7, Map.of("Fn::Split", List.of(":",
                        Map.of("Ref", Match.stringLikeRegexp(".*Live.*")))))),
                "MaximumRetryAttempts", 2, "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FailedInvocations.*"), "Arn"))))), 3);
    }

    @Test
    void noStatementGrantsEveryAction() {
        template.findResources("AWS::IAM::Policy").values().forEach(policy -> {
            Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) policy.get("Properties")).get("PolicyDocument");
            for (Object statement : (List<?>) document.get("Statement")) {
                Object actions = ((Map<?, ?>) statement).get("Action");
                assertThat(actions instanceof List<?> l ? l : List.of(actions))
                        .noneMatch(a -> a.toString().equals("*") || a.toString().endsWith(":*"));
            }
        });
    }

    @Test
    void writesAreScopedToTheirExactResources() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "PublishFindings", "Action", "sns:Publish",
                        "Resource", Map.of("Ref", Match.stringLikeRegexp("Findings.*")))))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "ClaimNotifications",
                        "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("State.*"), "Arn")),
                        "Condition", Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("notified#*"))))))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "RecordStatuses",
                        "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem"),
                        "Condition", Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("request#*", "applied#*"))))))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "EmitStatusChanges", "Action", "events:PutEvents",
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("StatusBus.*"), "Arn")),
                        "Condition", Map.of("StringEquals", Map.of("events:source", List.of("quota-doctor"))))))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "KeepDefaultCatalogue",
                        "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem"),
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("State.*"), "Arn")),
                        "Condition", Map.of("ForAllValues:StringLike",
                                Map.of("dynamodb:LeadingKeys", List.of("catalogue#bedrock#*"))))))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "ClaimRunningDiagnoses",
                        "Action", List.of("dynamodb:PutItem", "dynamodb:UpdateItem"),
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("State.*"), "Arn")),
                        "Condition", Map.of("ForAllValues:StringLike",
                                Map.of("dynamodb:LeadingKeys", List.of("running#*"))))))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "ReadMemberAccounts", "Action", "sts:AssumeRole",
                        "Resource", "arn:aws:iam::444455556666:role/quota-doctor-read")))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "ProbeConfiguredModels",
                        "Action", "bedrock:InvokeModel",
                        "Resource", Match.arrayWith(List.of(Map.of("Fn::Join", List.of("", List.of("arn:",
                                Map.of("Ref", "AWS::Partition"), ":bedrock:*::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"))))))))))));
    }

    @Test
    void inferenceProfilesAreReadOnlyInTheAccountsOwnApplicationProfiles() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "ResolveApplicationInferenceProfiles",
                        "Action", "bedrock:GetInferenceProfile",
                        // cdk.json's enablePartitionLiterals: a stack in a known region names its partition
                        "Resource", Map.of("Fn::Join", List.of("", List.of("arn:aws:bedrock:*:",
                                Map.of("Ref", "AWS::AccountId"), ":application-inference-profile/*"))))))))));
    }

    @Test
    void withoutTheProbeNoRoleMayInvokeAModel() {
        Template plain = Template.fromStack(Synth.stack(Synth.app(Map.of("models", "amazon.nova-lite-v1:0")), "QuotaDoctor"));

        plain.findResources("AWS::IAM::Policy").values().forEach(p ->
                assertThat(p.toString()).doesNotContain("bedrock:InvokeModel").doesNotContain("sts:AssumeRole"));
    }

    @Test
    void storageIsEncryptedRecoverableAndExpires() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true)));
        template.hasResourceProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "oncall@example.com"));
        // a customer managed key, rotated, that CloudWatch alarms may use to publish: aws/sns would refuse them
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId",
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FindingsKey.*"), "Arn"))));
        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true, "KeyPolicy", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "AlarmsPublishFindings",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))))))))));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny", "Action", "sns:Publish",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "NoPlainHttpSubscriptions",
                        "Effect", "Deny", "Action", "sns:Subscribe",
                        "Condition", Map.of("StringEquals", Map.of("sns:Protocol", "http"))))))))));
    }

    @Test
    void everyTriggerHasItsRule() {
        rule(Map.of("source", List.of("aws.servicequotas"), "detail-type", List.of("AWS API Call via CloudTrail"),
                "detail", Map.of("eventName", List.of("RequestServiceQuotaIncrease"),
                        "requestParameters", Map.of("serviceCode", List.of("bedrock")))));
        rule(Map.of("source", List.of("aws.servicequotas"), "detail-type", List.of("AWS Service Event via CloudTrail"),
                "detail", Map.of("eventName", List.of("UpdateServiceQuotaIncreaseRequestStatus"))));
        rule(Map.of("source", List.of("aws.support"), "detail-type", List.of("Support Case Update")));
        rule(Map.of("source", List.of("quota-doctor"), "detail-type", List.of("Bedrock Quota Request Status Change",
                "Bedrock Quota Value Lowered")));
        Template plain = Template.fromStack(Synth.stack(Synth.app(Map.of()), "QuotaDoctor"));
        plain.hasResourceProperties("AWS::Events::Rule", Map.of("EventPattern", Map.of("source", List.of("aws.cloudwatch"),
                "detail-type", List.of("CloudWatch Alarm State Change", "CloudWatch Alarm Contributor State Change"),
                "detail", Map.of("alarmName", List.of(Map.of("prefix", "quota-doctor-throttles-"),
                                Map.of("prefix", "quota-doctor-client-errors-")),
                        "state", Map.of("value", List.of("ALARM"))))));
        template.hasResourceProperties("AWS::Events::Rule", Map.of("ScheduleExpression", "rate(1 hour)",
                "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", Match.stringLikeRegexp("WatchLive.*")),
                        "DeadLetterConfig", Match.anyValue())))));
        template.hasResourceProperties("AWS::Events::Rule", Map.of("ScheduleExpression", "rate(1 day)"));
    }

    private static void rule(Map<String, Object> pattern) {
        template.hasResourceProperties("AWS::Events::Rule", Map.of("EventPattern", pattern, "State", "ENABLED",
                "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", Match.stringLikeRegexp("WorkflowStateMachine.*")),
                        "DeadLetterConfig", Match.anyValue(), "RetryPolicy", Match.anyValue())))));
    }

    private static Map<String, Map<String, Object>> bedrockAlarms(Template t) {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        t.findResources("AWS::CloudWatch::Alarm").forEach((id, r) -> {
            Map<String, Object> props = (Map<String, Object>) r.get("Properties");
            if (props.get("AlarmName").toString().startsWith("quota-doctor-")) {
                out.put(props.get("AlarmName").toString(), props);
            }
        });
        return out;
    }

    @Test
    void onlyNotifyAndCloudWatchAlarmsMayPublishFindings() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "OnlyQuotaDoctorPublishes", "Effect", "Deny",
                        "Action", "sns:Publish", "Principal", Map.of("AWS", "*"),
                        "Condition", Map.of(
                                "ArnNotEquals", Map.of("aws:PrincipalArn", Map.of("Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("NotifyRole.*"), "Arn"))),
                                "StringNotEquals", Map.of("aws:PrincipalServiceName", "cloudwatch.amazonaws.com")))))))));
    }

    @Test
    void getServiceQuotaReadsOnlyThisAccountsBedrockQuotas() {
        Object scoped = Map.of("Fn::Join", List.of("", List.of("arn:aws:servicequotas:*:", Map.of("Ref", "AWS::AccountId"),
                ":bedrock/*")));
        template.resourcePropertiesCountIs("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "ReadBedrockQuotaValues",
                        "Action", "servicequotas:GetServiceQuota", "Resource", scoped)))))), 2);
        Template.fromStack(Synth.stack(full, "QuotaDoctorMemberRole")).hasResourceProperties("AWS::IAM::Policy",
                Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "ReadBedrockQuotaValues", "Action", "servicequotas:GetServiceQuota",
                        // a stack without a region: the partition is a reference there
                        "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":servicequotas:*:", Map.of("Ref", "AWS::AccountId"), ":bedrock/*"))))))))));
        template.findResources("AWS::IAM::Policy").values().forEach(p -> assertThat(p.toString())
                .as("GetServiceQuota never on *").doesNotContain("servicequotas:GetServiceQuota, servicequotas:List")
                .doesNotContain("servicequotas:ListServiceQuotas, servicequotas:GetServiceQuota"));
    }

    @Test
    void aDefaultDeploymentReservesNoConcurrencySoANewAccountCanTakeIt() {
        Template plain = Template.fromStack(Synth.stack(Synth.app(Map.of()), "QuotaDoctor"));

        plain.resourceCountIs("AWS::Lambda::Function", 3);
        plain.resourcePropertiesCountIs("AWS::Lambda::Function",
                Map.of("ReservedConcurrentExecutions", Match.anyValue()), 0);
    }

    @Test
    void theThrottleAlarmsRuleComesFromContext() {
        Template tuned = Template.fromStack(Synth.stack(Synth.app(Map.of("alarmThreshold", "1", "alarmPeriodSeconds", "300",
                "alarmEvaluationPeriods", "2", "alarmDatapointsToAlarm", "2")), "QuotaDoctor"));

        tuned.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "quota-doctor-throttles-all-models",
                "Metrics", List.of(Match.objectLike(Map.of("Period", 300))),
                "Threshold", 1, "EvaluationPeriods", 2, "DatapointsToAlarm", 2));
        assertThatThrownBy(() -> Synth.app(Map.of("alarmEvaluationPeriods", "2", "alarmDatapointsToAlarm", "3")))
                .hasMessageContaining("alarmDatapointsToAlarm=3");
        assertThatThrownBy(() -> Synth.app(Map.of("alarmPeriodSeconds", "45"))).hasMessageContaining("alarmPeriodSeconds");
        assertThatThrownBy(() -> Synth.app(Map.of("reservedConcurrency", "none"))).hasMessageContaining("reservedConcurrency");
    }

    @Test
    void twoStagesAndAnUnstagedDeploymentShareNoNameInOneAccount() {
        Map<String, Object> dev = new java.util.HashMap<>(OrganizationStackTest.ORGANIZATION);
        dev.put("stage", "dev");
        Map<String, Object> prod = new java.util.HashMap<>(OrganizationStackTest.ORGANIZATION);
        prod.put("stage", "prod");

        List<Set<String>> names = List.of(physicalNames(Synth.app(dev)), physicalNames(Synth.app(prod)),
                physicalNames(Synth.app(OrganizationStackTest.ORGANIZATION)));

        assertThat(names.get(0)).contains("stack:QuotaDoctor-dev", "RoleName:quota-doctor-dev-diagnose-us-east-1",
                "AWS::Events::EventBus Name:quota-doctor-dev-status", "AlarmName:quota-doctor-dev-throttles-all-models",
                "RoleName:quota-doctor-dev-read", "StackSetName:quota-doctor-dev-member-role");
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                assertThat(names.get(i)).as("deployments %d and %d", i, j).doesNotContainAnyElementsOf(names.get(j));
            }
        }
        // and no deployment's alarm rule takes another's alarms: each prefix is its own kind of alarm
        String prefixes = Triggers.alarmPattern(DeploymentConfig.from(Synth.app(Map.of()).getNode())).getDetail()
                .get("alarmName").toString();
        assertThat(prefixes).contains("quota-doctor-throttles-", "quota-doctor-client-errors-");
        assertThat(names.get(0)).filteredOn(n -> n.startsWith("AlarmName:quota-doctor-"))
                .noneMatch(n -> n.startsWith("AlarmName:quota-doctor-throttles-") || n.startsWith("AlarmName:quota-doctor-client-errors-"));
    }

    /**
     * Every stack's name and every explicit physical name of an app that must be unique in an account and region
     * (as "key:value"); an alias's or an inline policy's name is its function's or role's own.
     */
    private static final Set<String> ACCOUNT_UNIQUE = Set.of("AlarmName", "RoleName", "DashboardName", "StackSetName",
            "ConfigurationName", "TrailName", "FunctionName", "StateMachineName", "TopicName", "QueueName", "BucketName",
            "TableName", "LogGroupName", "ManagedPolicyName", "RuleName", "AliasName");

    @SuppressWarnings("unchecked")
    private static Set<String> physicalNames(App app) {
        Set<String> out = new java.util.TreeSet<>();
        for (var child : app.getNode().getChildren()) {
            if (child instanceof Stack stack) {
                out.add("stack:" + stack.getStackName());
                Map<String, Object> resources = (Map<String, Object>) Template.fromStack(stack).toJSON().get("Resources");
                resources.values().forEach(r -> {
                    Map<String, Object> resource = (Map<String, Object>) r;
                    String type = resource.get("Type").toString();
                    ((Map<String, Object>) resource.getOrDefault("Properties", Map.of())).forEach((key, value) -> {
                        if ((ACCOUNT_UNIQUE.contains(key) || key.equals("Name") && type.equals("AWS::Events::EventBus"))
                                && value instanceof String text) {
                            out.add((key.equals("Name") ? type + " " : "") + key + ":" + text);
                        }
                    });
                });
            }
        }
        return out;
    }

    @Test
    void theDefaultDeploymentAlarmsOnEveryModelsThrottlesAndOnItsOwnFailures() {
        Template plain = Template.fromStack(Synth.stack(Synth.app(Map.of()), "QuotaDoctor"));

        assertThat(bedrockAlarms(plain)).containsOnlyKeys("quota-doctor-throttles-all-models");
        plain.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "quota-doctor-throttles-all-models",
                "Metrics", List.of(Match.objectLike(Map.of("Id", Match.anyValue(),
                        "Expression", "SELECT SUM(InvocationThrottles) FROM SCHEMA(\"AWS/Bedrock\", ModelId)",
                        "Period", 60, "ReturnData", true))),
                "Threshold", 5, "ComparisonOperator", "GreaterThanOrEqualToThreshold", "TreatMissingData", "notBreaching"));
        // a sustained problem: 5 throttles a minute in 3 of 5 minutes, not one burst the SDK's retries absorb
        plain.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "quota-doctor-throttles-all-models",
                "EvaluationPeriods", 5, "DatapointsToAlarm", 3));
        assertThat(plain.findResources("AWS::CloudWatch::Alarm", Map.of("Properties", Map.of("MetricName",
                "InvocationClientErrors")))).as("client errors are opt-in").isEmpty();
        // watching itself: the workflow, each function, the dead letters; the topic is the action; quiet when healthy
        Map<String, Map<String, Object>> self = new java.util.TreeMap<>();
        plain.findResources("AWS::CloudWatch::Alarm").forEach((id, r) -> {
            Map<String, Object> props = (Map<String, Object>) r.get("Properties");
            if (props.get("AlarmName").toString().startsWith("QuotaDoctor-health-")) {
                self.put(props.get("AlarmName").toString(), props);
            }
        });
        assertThat(self).containsOnlyKeys("QuotaDoctor-health-workflow-failed", "QuotaDoctor-health-workflow-timed-out",
                "QuotaDoctor-health-workflow-aborted", "QuotaDoctor-health-diagnose-errors",
                "QuotaDoctor-health-notify-errors", "QuotaDoctor-health-watch-errors", "QuotaDoctor-health-dead-letters");
        assertThat(self.values()).allSatisfy(props -> {
            assertThat(props.get("AlarmActions")).asString().contains("Findings");
            assertThat(props.get("TreatMissingData")).isEqualTo("notBreaching");
        });
        plain.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "QuotaDoctor-health-workflow-failed",
                "Namespace", "AWS/States", "MetricName", "ExecutionsFailed"));
        plain.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "QuotaDoctor-health-dead-letters",
                "Namespace", "AWS/SQS", "MetricName", "ApproximateNumberOfMessagesVisible"));
    }

    @Test
    void theTeamsOwnAlarmsAndQuotaUtilizationEventsStartADiagnosis() {
        rule(Map.of("source", List.of("aws.cloudwatch"), "detail-type", List.of("CloudWatch Alarm State Change", "CloudWatch Alarm Contributor State Change"),
                "detail", Map.of("alarmName", List.of(Map.of("prefix", "quota-doctor-throttles-"),
                        Map.of("prefix", "quota-doctor-client-errors-"), Map.of("prefix", "bedrock-"),
                        Map.of("prefix", "genai-prod-")), "state", Map.of("value", List.of("ALARM")))));
        rule(Map.of("source", List.of("aws.health"), "detail-type", List.of("AWS Health Event"),
                "detail", Map.of("service", List.of("SERVICEQUOTAS"),
                        "eventTypeCode", List.of("AWS_SERVICEQUOTAS_THRESHOLD_BREACH"))));
    }

    @Test
    void aChatChannelDeliversFindingsAndCanRunNothing() {
        template.hasResourceProperties("AWS::Chatbot::SlackChannelConfiguration", Map.of(
                "SlackWorkspaceId", "T0123ABCD", "SlackChannelId", "C0123ABCD",
                "SnsTopicArns", List.of(Map.of("Ref", Match.stringLikeRegexp("Findings.*"))),
                "GuardrailPolicies", List.of(Map.of("Ref", Match.stringLikeRegexp("ChatGuardrail.*")))));
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Statement",
                List.of(Map.of("Sid", "NotificationsOnly", "Effect", "Deny", "Action", "*", "Resource", "*")), "Version", "2012-10-17")));
        template.hasOutput("SubscribeByEmail", Match.objectLike(Map.of("Value", Match.anyValue())));
    }

    @Test
    void onlyTheWatcherCanPutItsStatusChangeEvents() {
        template.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", "quota-doctor-status",
                "Policy", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Sid", "OnlyTheWatcherEmits", "Effect", "Deny", "Principal", Map.of("AWS", "*"),
                        "Action", "events:PutEvents",
                        "Condition", Map.of("ArnNotEquals", Map.of("aws:PrincipalArn",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("WatchRole.*"), "Arn")))))))))));
        template.resourceCountIs("AWS::Events::EventBusPolicy", 0);
        template.hasResourceProperties("AWS::Events::Rule", Map.of("EventBusName", Map.of("Ref", Match.stringLikeRegexp("StatusBus.*")),
                "EventPattern", Map.of("source", List.of("quota-doctor"), "detail-type", List.of("Bedrock Quota Request Status Change",
                        "Bedrock Quota Value Lowered"))));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables",
                Match.objectLike(Map.of("QUOTA_DOCTOR_EVENT_BUS", Map.of("Ref", Match.stringLikeRegexp("StatusBus.*")))))));
    }

    @Test
    void theDashboardDrawsEachModelsGoverningQuotaBesideItsDemand() {
        String dashboard = template.findResources("AWS::CloudWatch::Dashboard").values().iterator().next().toString();
        assertThat(dashboard).contains("MetricName=\\\"GoverningQuota\\\" ModelId=\\\"amazon.nova-lite-v1:0\\\" Region=\\\"us-west-2\\\"")
                .contains("EstimatedTPMQuotaUsage");
    }

    @Test
    void supportCaseUpdatesComeFromUsEast1WhenHomeIsElsewhere() {
        App app = Synth.app(Map.of("homeRegion", "eu-west-1"));
        Stack support = Synth.stack(app, "QuotaDoctorForwarder-us-east-1");
        Template t = Template.fromStack(support);

        t.resourceCountIs("AWS::CloudWatch::Alarm", 0);
        t.resourceCountIs("AWS::Events::Rule", 1);
        t.hasResourceProperties("AWS::Events::Rule", Map.of("EventPattern", Map.of("source", List.of("aws.support"),
                "detail-type", List.of("Support Case Update")), "Targets", List.of(Match.objectLike(Map.of(
                "Arn", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":events:eu-west-1:",
                        Map.of("Ref", "AWS::AccountId"), ":event-bus/default"))))))));
        nagClean(support);
        assertThat(full.getNode().tryFindChild("QuotaDoctorForwarder-us-east-1")).as("home is us-east-1").isNull();
    }

    @Test
    void alarmsWatchEachModelsThrottlesAndClientErrorsInTheHomeRegion() {
        // all models; per id-named model its throttles and (opted in) client errors; an application profile has no
        // documented ModelId dimension: the all-models alarm covers it
        assertThat(bedrockAlarms(template)).containsOnlyKeys("quota-doctor-throttles-all-models",
                "quota-doctor-throttles-us.anthropic.claude-sonnet-4-5-20250929-v1-0",
                "quota-doctor-client-errors-us.anthropic.claude-sonnet-4-5-20250929-v1-0",
                "quota-doctor-throttles-amazon.nova-lite-v1-0", "quota-doctor-client-errors-amazon.nova-lite-v1-0");
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "quota-doctor-throttles-us.anthropic.claude-sonnet-4-5-20250929-v1-0",
                "Namespace", "AWS/Bedrock", "MetricName", "InvocationThrottles", "Statistic", "Sum", "Period", 60,
                "Dimensions", List.of(Map.of("Name", "ModelId", "Value", "us.anthropic.claude-sonnet-4-5-20250929-v1:0")),
                "Threshold", 5, "ComparisonOperator", "GreaterThanOrEqualToThreshold", "TreatMissingData", "notBreaching"));
        // a sustained problem: 5 throttles a minute in 3 of 5 minutes, not one burst the SDK's retries absorb
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "quota-doctor-throttles-us.anthropic.claude-sonnet-4-5-20250929-v1-0",
                "EvaluationPeriods", 5, "DatapointsToAlarm", 3));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "InvocationClientErrors",
                "Dimensions", List.of(Map.of("Name", "ModelId", "Value", "amazon.nova-lite-v1:0"))));
    }

    @Test
    void otherWorkloadRegionsForwardToTheHomeBus() {
        Template forwarder = Template.fromStack(Synth.stack(full, "QuotaDoctorForwarder-us-west-2"));

        assertThat(bedrockAlarms(forwarder)).hasSize(5);
        forwarder.resourceCountIs("AWS::Events::Rule", 3);
        forwarder.hasResourceProperties("AWS::Events::Rule", Map.of("Targets", List.of(Match.objectLike(Map.of(
                "Arn", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":events:us-east-1:",
                        Map.of("Ref", "AWS::AccountId"), ":event-bus/default"))))))));
    }

    @Test
    void theMemberRoleTrustsOnlyTheDiagnoseAndWatchRoles() {
        Template member = Template.fromStack(Synth.stack(full, "QuotaDoctorMemberRole"));

        member.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "quota-doctor-read",
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(
                        Map.of("Action", "sts:AssumeRole", "Effect", "Allow",
                                "Principal", Map.of("AWS", "arn:aws:iam::111122223333:role/quota-doctor-diagnose-us-east-1")),
                        Map.of("Action", "sts:AssumeRole", "Effect", "Allow",
                                "Principal", Map.of("AWS", "arn:aws:iam::111122223333:role/quota-doctor-watch-us-east-1"))))));
        template.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "quota-doctor-watch-us-east-1"));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "SweepMemberAccounts", "Action", "sts:AssumeRole",
                        "Resource", "arn:aws:iam::444455556666:role/quota-doctor-read")))))));
        template.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "quota-doctor-diagnose-us-east-1"));
        member.hasOutput("MemberRoleArn", Match.objectLike(Map.of("Value", Map.of("Fn::GetAtt",
                List.of(Match.stringLikeRegexp("ReadRole.*"), "Arn")))));
    }

    @Test
    void theMemberRoleCanRequireTheOrganisation() {
        Map<String, Object> context = new java.util.HashMap<>(Synth.FULL);
        context.put("organizationId", "o-a1b2c3d4e5");
        Template member = Template.fromStack(Synth.stack(Synth.app(context), "QuotaDoctorMemberRole"));

        member.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "sts:AssumeRole",
                        "Principal", Map.of("AWS", "arn:aws:iam::111122223333:role/quota-doctor-watch-us-east-1"),
                        "Condition", Map.of("StringEquals", Map.of("aws:PrincipalOrgID", "o-a1b2c3d4e5")))))))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Synth.app(Map.of("organizationId", "acme")))
                .hasMessageContaining("organizationId=acme");
    }

    @Test
    void theTrailIsMultiRegionWhenAskedFor() {
        template.hasResourceProperties("AWS::CloudTrail::Trail", Map.of("IsMultiRegionTrail", true,
                "IsLogging", true, "EnableLogFileValidation", true));
        Template.fromStack(Synth.stack(Synth.app(Map.of()), "QuotaDoctor")).resourceCountIs("AWS::CloudTrail::Trail", 0);
    }

    @Test
    void theWorkflowLogsAndTraces() {
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of("StateMachineType", "STANDARD",
                "TracingConfiguration", Map.of("Enabled", true),
                "LoggingConfiguration", Match.objectLike(Map.of("Level", "ALL", "IncludeExecutionData", false))));
    }

    @Test
    void badContextStopsTheSynthWithTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Synth.app(Map.of("workloadRegions", "us-west-2,mars-1")))
                .hasMessageContaining("context workloadRegions=mars-1: expected region names");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Synth.app(Map.of("probe", "true")))
                .hasMessageContaining("context probe=true: expected models to be listed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Synth.app(Map.of("propagationWindow", "a day")))
                .hasMessageContaining("context propagationWindow=a day");
    }
}
