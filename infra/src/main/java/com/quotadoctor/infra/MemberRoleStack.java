package com.quotadoctor.infra;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * Deployed in each member account: the read-only role the home account's Diagnose function (its quotas, requests,
 * metrics and failed calls) and Watch function (its requests) assume. It trusts those two roles by exact ARN, nothing
 * else — no external id: the trusted principals are the deployer's own fixed roles, not a third party's service.
 */
public final class MemberRoleStack extends Stack {

    public MemberRoleStack(Construct scope, String id, StackProps props, DeploymentConfig config, String homeAccount) {
        super(scope, id, props);
        Role role = readRole(this, config, homeAccount);
        software.amazon.awscdk.CfnOutput.Builder.create(this, "MemberRoleArn").value(role.getRoleArn())
                .description("Add to memberRoleArns of the home deployment (account " + homeAccount + ")").build();
    }

    /**
     * The role itself, in {@code stack}: the same in a stack deployed by hand and in the template an organisation's
     * StackSet deploys to every member account ({@code homeAccount} then a template parameter).
     */
    static Role readRole(Stack stack, DeploymentConfig config, String homeAccount) {
        Tags.of(stack).add("application", "quota-doctor");
        Role role = Role.Builder.create(stack, "ReadRole")
                .roleName(config.names().memberRole())
                .description("Quota Doctor (account " + homeAccount + ") reads Bedrock quotas and evidence here")
                // exactly the home account's Diagnose and Watch roles: no other principal there, no other account
                .assumedBy(new software.amazon.awscdk.services.iam.CompositePrincipal(
                        trusted(homeAccount, config.names().diagnoseRole(config.homeRegion()), config.organizationId()),
                        trusted(homeAccount, config.names().watchRole(config.homeRegion()), config.organizationId())))
                .build();
        role.addToPolicy(ReadOnlyAccess.serviceQuotas());
        role.addToPolicy(ReadOnlyAccess.quotaValues(stack));
        Suppressions.suppress(role, "AwsSolutions-IAM5", Suppressions.QUOTA_VALUES, Suppressions.QUOTA_VALUES_RESOURCE);
        role.addToPolicy(ReadOnlyAccess.evidence());
        role.addToPolicy(ReadOnlyAccess.inferenceProfiles(stack));
        Suppressions.suppress(role, "AwsSolutions-IAM5", Suppressions.READ_ONLY_STAR, "Resource::*");
        Suppressions.suppress(role, "AwsSolutions-IAM5", Suppressions.APPLICATION_PROFILES,
                Suppressions.APPLICATION_PROFILES_RESOURCE);
        return role;
    }

    /** A home role by exact ARN, and, when the organisation is given, only while it belongs to it. */
    private static software.amazon.awscdk.services.iam.IPrincipal trusted(String account, String role,
                                                                         java.util.Optional<String> organization) {
        ArnPrincipal principal = new ArnPrincipal("arn:aws:iam::" + account + ":role/" + role);
        return organization.<software.amazon.awscdk.services.iam.IPrincipal>map(o -> principal.withConditions(
                java.util.Map.of("StringEquals", java.util.Map.of("aws:PrincipalOrgID", o)))).orElse(principal);
    }
}
