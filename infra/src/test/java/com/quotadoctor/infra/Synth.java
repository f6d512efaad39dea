package com.quotadoctor.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

import java.util.Map;

/** Synthesises the app as {@code cdk synth} does, with a given context. */
final class Synth {

    static final Map<String, Object> FULL = Map.ofEntries(
            Map.entry("homeRegion", "us-east-1"),
            Map.entry("workloadRegions", java.util.List.of("us-east-1", "us-west-2")),
            Map.entry("models", java.util.List.of("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "amazon.nova-lite-v1:0",
                    "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6")),
            Map.entry("email", "oncall@example.com"),
            Map.entry("memberRoleArns", java.util.List.of("arn:aws:iam::444455556666:role/quota-doctor-read")),
            Map.entry("probe", "true"),
            Map.entry("createTrail", "true"),
            Map.entry("homeAccount", "111122223333"),
            Map.entry("clientErrorAlarms", "true"),
            Map.entry("alarmNamePrefixes", java.util.List.of("bedrock-", "genai-prod-")),
            Map.entry("slackWorkspaceId", "T0123ABCD"),
            Map.entry("slackChannelId", "C0123ABCD"));

    private Synth() {
    }

    static App app(Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        QuotaDoctorApp.build(app);
        return app;
    }

    static Stack stack(App app, String id) {
        return (Stack) app.getNode().findChild(id);
    }
}
