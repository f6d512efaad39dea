package com.quotadoctor.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

import java.util.Map;

/**
 * Synthesises the app as {@code cdk synth} does: the repository's {@code cdk.json} context first (feature flags
 * included), then the given keys on top, as {@code -c key=value} would. One source of truth: a test build and a
 * user's build cannot differ in context again.
 */
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
            Map.entry("reservedConcurrency", "5"),
            Map.entry("clientErrorAlarms", "true"),
            Map.entry("alarmNamePrefixes", java.util.List.of("bedrock-", "genai-prod-")),
            Map.entry("slackWorkspaceId", "T0123ABCD"),
            Map.entry("slackChannelId", "C0123ABCD"));

    private Synth() {
    }

    static App app(Map<String, Object> context) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(cdkJsonContext());
        merged.putAll(context);
        App app = new App(AppProps.builder().context(merged).build());
        QuotaDoctorApp.build(app);
        return app;
    }

    /** The {@code context} of the repository's cdk.json, as the CDK CLI loads it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> cdkJsonContext() {
        java.nio.file.Path file = java.nio.file.Files.isRegularFile(java.nio.file.Path.of("cdk.json"))
                ? java.nio.file.Path.of("cdk.json") : java.nio.file.Path.of("..", "cdk.json");
        try {
            Map<String, Object> json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), Map.class);
            return (Map<String, Object>) json.getOrDefault("context", Map.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    static Stack stack(App app, String id) {
        return (Stack) app.getNode().findChild(id);
    }
}
