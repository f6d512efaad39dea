package com.quotadoctor.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

import java.util.Map;

/**
 * The member role as a standalone CloudFormation template, for the organisation's StackSet: the same role as
 * {@link MemberRoleStack}, the hub account a parameter ({@value #HUB_ACCOUNT}), no bootstrap rule or CDK metadata
 * (member accounts are not CDK-bootstrapped).
 */
final class MemberRoleTemplate {

    static final String HUB_ACCOUNT = "HubAccountId";

    private MemberRoleTemplate() {
    }

    static String body(DeploymentConfig config) {
        App app = new App(AppProps.builder().analyticsReporting(false)
                .context(Map.of("aws:cdk:enable-path-metadata", false)).build());
        Stack stack = new Stack(app, "MemberRole", StackProps.builder()
                .synthesizer(DefaultStackSynthesizer.Builder.create().generateBootstrapVersionRule(false).build())
                .description("Quota Doctor: read-only role the organisation's hub account assumes").build());
        CfnParameter hub = CfnParameter.Builder.create(stack, HUB_ACCOUNT).type("String")
                .allowedPattern("^\\d{12}$").description("The account Quota Doctor's hub runs in").build();
        MemberRoleStack.readRole(stack, config, hub.getValueAsString());
        Object template = app.synth().getStackByName("MemberRole").getTemplate();
        try {
            return new ObjectMapper().writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the member role template is not JSON", e);
        }
    }
}
