package com.quotadoctor.infra;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * Deployed in each member account: the read-only role the home account's Diagnose function assumes to read
 * that account's quotas, requests, metrics and failed calls. It trusts that one role, nothing else.
 */
public final class MemberRoleStack extends Stack {

    public MemberRoleStack(Construct scope, String id, StackProps props, DeploymentConfig config, String homeAccount) {
        super(scope, id, props);
        Tags.of(this).add("application", "quota-doctor");
        Role role = Role.Builder.create(this, "ReadRole")
                .roleName(Names.MEMBER_ROLE)
                .description("Quota Doctor (account " + homeAccount + ") reads Bedrock quotas and evidence here")
                .assumedBy(new ArnPrincipal("arn:aws:iam::" + homeAccount + ":role/" + Names.diagnoseRole(config.homeRegion())))
                .build();
        role.addToPolicy(ReadOnlyAccess.serviceQuotas());
        role.addToPolicy(ReadOnlyAccess.evidence());
        role.addToPolicy(ReadOnlyAccess.inferenceProfiles(this));
        Suppressions.suppress(role, "AwsSolutions-IAM5", Suppressions.READ_ONLY_STAR, "Resource::*");
        Suppressions.suppress(role, "AwsSolutions-IAM5", Suppressions.APPLICATION_PROFILES,
                Suppressions.APPLICATION_PROFILES_RESOURCE);
        software.amazon.awscdk.CfnOutput.Builder.create(this, "MemberRoleArn").value(role.getRoleArn())
                .description("Add to memberRoleArns of the home deployment (account " + homeAccount + ")").build();
    }
}
