package com.quotadoctor.infra;

import software.amazon.awscdk.services.chatbot.CfnMicrosoftTeamsChannelConfiguration;
import software.amazon.awscdk.services.chatbot.LoggingLevel;
import software.amazon.awscdk.services.chatbot.SlackChannelConfiguration;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

import java.util.List;

/**
 * The findings in a Slack or Microsoft Teams channel through Amazon Q Developer in chat applications (formerly AWS
 * Chatbot). Notifications only: the channel role has no permission, and its guardrail denies every action, so no
 * one can run a command from the channel through it.
 */
final class ChatChannel extends Construct {

    ChatChannel(Construct scope, String id, DeploymentConfig.ChatChannel channel, ITopic topic, Names names) {
        super(scope, id);
        Role role = Role.Builder.create(this, "Role").assumedBy(new ServicePrincipal("chatbot.amazonaws.com"))
                .description("Quota Doctor's chat channel: delivers notifications, runs nothing").build();
        ManagedPolicy guardrail = ManagedPolicy.Builder.create(this, "Guardrail")
                .description("Quota Doctor's chat channel may run no command")
                .statements(List.of(PolicyStatement.Builder.create().sid("NotificationsOnly").effect(Effect.DENY)
                        .actions(List.of("*")).resources(List.of("*")).build()))
                .build();
        Suppressions.suppress(guardrail, "AwsSolutions-IAM5", "A Deny of every action on every resource: the chat "
                + "channel's guardrail grants nothing, it forbids everything");
        if (channel.kind().equals("slack")) {
            SlackChannelConfiguration.Builder.create(this, "Slack")
                    .slackChannelConfigurationName(names.chatConfiguration())
                    .slackWorkspaceId(channel.ids().get("slackWorkspaceId"))
                    .slackChannelId(channel.ids().get("slackChannelId"))
                    .notificationTopics(List.of(topic))
                    .role(role)
                    .guardrailPolicies(List.of(guardrail))
                    .loggingLevel(LoggingLevel.ERROR)
                    .build();
        } else {
            CfnMicrosoftTeamsChannelConfiguration.Builder.create(this, "Teams")
                    .configurationName(names.chatConfiguration())
                    .teamsTenantId(channel.ids().get("teamsTenantId"))
                    .teamId(channel.ids().get("teamsTeamId"))
                    .teamsChannelId(channel.ids().get("teamsChannelId"))
                    .snsTopicArns(List.of(topic.getTopicArn()))
                    .iamRoleArn(role.getRoleArn())
                    .guardrailPolicies(List.of(guardrail.getManagedPolicyArn()))
                    .loggingLevel("ERROR")
                    .build();
        }
    }
}
