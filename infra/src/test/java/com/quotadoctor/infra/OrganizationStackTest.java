package com.quotadoctor.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Organisation mode as synthesised: the StackSet, the Distributed Map with its reader and writer, the grants. */
class OrganizationStackTest {

    static final Map<String, Object> ORGANIZATION = organization();
    private static Stack stack;
    private static Template template;

    static Map<String, Object> organization() {
        Map<String, Object> context = new HashMap<>(Synth.FULL);
        context.put("organization", "true");
        context.put("organizationId", "o-a1b2c3d4e5");
        context.put("organizationUnits", List.of("r-a1b2", "ou-a1b2-c3d4e5f6"));
        context.put("organizationConcurrency", "20");
        return Map.copyOf(context);
    }

    @BeforeAll
    static void synth() {
        stack = Synth.stack(Synth.app(ORGANIZATION), "QuotaDoctor");
        template = Template.fromStack(stack);
    }

    @Test
    void cdkNagFindsNothingUnexplained() {
        QuotaDoctorStackTest.nagClean(stack);
    }

    @Test
    void theMemberRoleGoesToEveryAccountOfTheChosenUnitsNewOnesIncluded() throws Exception {
        template.hasResourceProperties("AWS::CloudFormation::StackSet", Map.of(
                "PermissionModel", "SERVICE_MANAGED",
                "AutoDeployment", Map.of("Enabled", true, "RetainStacksOnAccountRemoval", false),
                "Capabilities", List.of("CAPABILITY_NAMED_IAM"),
                "CallAs", "SELF",
                "StackInstancesGroup", List.of(Map.of("DeploymentTargets", Map.of("OrganizationalUnitIds",
                        List.of("r-a1b2", "ou-a1b2-c3d4e5f6")), "Regions", List.of("us-east-1")))));
        Map<?, ?> stackSet = (Map<?, ?>) template.findResources("AWS::CloudFormation::StackSet").values().iterator().next()
                .get("Properties");
        JsonNode body = new ObjectMapper().readTree((String) stackSet.get("TemplateBody"));
        JsonNode role = body.get("Resources").elements().next();
        assertThat(role.get("Type").asText()).isEqualTo("AWS::IAM::Role");
        assertThat(role.at("/Properties/RoleName").asText()).isEqualTo(Names.MEMBER_ROLE);
        // exactly the hub's Diagnose and Watch roles, and only from inside the organisation: no confused deputy
        String trust = role.at("/Properties/AssumeRolePolicyDocument").toString();
        assertThat(trust).contains("quota-doctor-diagnose-us-east-1").contains("quota-doctor-watch-us-east-1")
                .contains("\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"").contains("HubAccountId").doesNotContain(":root");
        assertThat(body.has("Rules")).as("no bootstrap rule: members are not CDK-bootstrapped").isFalse();
        assertThat(body.at("/Parameters/HubAccountId/AllowedPattern").asText()).isEqualTo("^\\d{12}$");
    }

    @Test
    void theHubAssumesOnlyTheMemberRoleAndOnlyInsideTheOrganisation() {
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "ReadOrganizationMembers",
                        "Action", "sts:AssumeRole",
                        "Condition", Map.of("StringEquals", Map.of("aws:ResourceOrgID", "o-a1b2c3d4e5")),
                        "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":iam::*:role/" + Names.MEMBER_ROLE)))))))))));
    }

    @Test
    void theOrganizationFunctionClaimsOnlyTheOneSweepKey() {
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "ClaimTheSweep",
                        "Action", List.of("dynamodb:PutItem", "dynamodb:UpdateItem"),
                        "Condition", Map.of("ForAllValues:StringEquals", Map.of("dynamodb:LeadingKeys",
                                List.of("running#organization-sweep")))))))))));
    }

    @Test
    void theResultsBucketIsPrivateEncryptedTlsOnlyAndExpires() {
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("ExpirationInDays", 30)))))));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    }

    @Test
    void theSweepIsADistributedMapReadingAndWritingS3WithBoundedConcurrency() throws Exception {
        JsonNode definition = WorkflowAslTest.definitionOf(template, "OrganizationStateMachine");
        JsonNode map = definition.at("/States/SweepAccounts");
        assertThat(map.get("Type").asText()).isEqualTo("Map");
        assertThat(map.at("/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("DISTRIBUTED");
        assertThat(map.get("MaxConcurrency").asInt()).isEqualTo(20);
        assertThat(map.get("ToleratedFailurePercentage").asInt()).isEqualTo(100);
        assertThat(map.at("/ItemReader/Resource").asText()).endsWith(":states:::s3:getObject");
        assertThat(map.at("/ItemReader/ReaderConfig/InputType").asText()).isEqualTo("JSON");
        assertThat(map.at("/ItemReader/Parameters/Key.$").asText()).isEqualTo("$.listed.key");
        assertThat(map.at("/ResultWriter/Resource").asText()).endsWith(":states:::s3:putObject");
        assertThat(map.at("/ResultWriter/Parameters/Prefix").asText()).isEqualTo("results");
        assertThat(map.at("/ItemSelector/trigger.$").asText()).isEqualTo("$$.Execution.Input");
        assertThat(map.at("/ItemProcessor/States/DiagnoseAccount/Catch/0/Next").asText()).isEqualTo("AccountUnreadable");
    }

    @Test
    void onlyTheMapAndTheOrganizationFunctionMayWriteTheResultsBucket() {
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "OnlyTheSweepWrites", "Effect", "Deny",
                        "Action", "s3:PutObject", "Principal", Map.of("AWS", "*"),
                        "Condition", Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", List.of(
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("OrganizationStateMachineRole.*"), "Arn")),
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("OrganizationRole.*"), "Arn"))))))))))));
    }

    @Test
    void aFailedSweepAndTheOrganizationFunctionsErrorsRaiseTheirOwnHealthAlarms() {
        for (String name : List.of("sweep-failed", "sweep-timed-out", "sweep-aborted", "organization-errors")) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmName", "QuotaDoctor-health-" + name, "AlarmActions", Match.anyValue())));
        }
    }

    @Test
    void theSweepsRoleMayInvokeItsThreeFunctionsAndStartItsOwnChildren() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy");
        String sweep = policies.entrySet().stream().filter(e -> e.getValue().toString().contains("OrganizationStateMachineRole"))
                .map(e -> e.getValue().toString()).reduce("", String::concat);
        assertThat(sweep).contains("lambda:InvokeFunction").contains("{Ref=OrganizationLive")
                .contains("DiagnoseLive").contains("NotifyLive").contains("states:StartExecution")
                .contains("s3:PutObject");
    }

    @Test
    void aThrottleAlarmAndTheScheduleEachStartASweep() {
        Map<String, Map<String, Object>> rules = template.findResources("AWS::Events::Rule");
        List<String> sweepTargets = rules.values().stream()
                .filter(r -> r.toString().contains("OrganizationStateMachine"))
                .map(r -> ((Map<?, ?>) r.get("Properties")).containsKey("ScheduleExpression") ? "schedule"
                        : ((Map<?, ?>) r.get("Properties")).get("EventPattern").toString())
                .toList();
        assertThat(sweepTargets).hasSize(2).contains("schedule")
                .anySatisfy(p -> assertThat(p).contains("CloudWatch Alarm State Change").contains("quota-doctor-"));
    }

    @Test
    void diagnoseAndNotifyReserveRoomForTheMapsConcurrencyBesideTheWorkflow() {
        for (String handler : List.of("DiagnoseHandler", "NotifyHandler")) {
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", "com.quotadoctor.handler." + handler + "::handleRequest",
                    "ReservedConcurrentExecutions", 25)));
        }
    }

    @Test
    void organisationModeStopsTheSynthWithoutWhatItNeeds() {
        Map<String, Object> noUnits = new HashMap<>(ORGANIZATION);
        noUnits.remove("organizationUnits");
        assertThatThrownBy(() -> Synth.app(noUnits)).hasMessageContaining("organizationUnits");
        Map<String, Object> noId = new HashMap<>(ORGANIZATION);
        noId.remove("organizationId");
        assertThatThrownBy(() -> Synth.app(noId)).hasMessageContaining("organizationId");
        Map<String, Object> badUnit = new HashMap<>(ORGANIZATION);
        badUnit.put("organizationUnits", List.of("Production"));
        assertThatThrownBy(() -> Synth.app(badUnit)).hasMessageContaining("OU id");
    }
}
