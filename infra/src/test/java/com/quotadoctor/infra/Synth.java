package com.quotadoctor.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

import java.util.Map;

/** Synthesises the app as {@code cdk synth} does, with a given context. */
final class Synth {

    static final Map<String, Object> FULL = Map.of(
            "homeRegion", "us-east-1",
            "workloadRegions", java.util.List.of("us-east-1", "us-west-2"),
            "models", java.util.List.of("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "amazon.nova-lite-v1:0"),
            "email", "oncall@example.com",
            "memberRoleArns", java.util.List.of("arn:aws:iam::444455556666:role/quota-doctor-read"),
            "probe", "true",
            "createTrail", "true",
            "homeAccount", "111122223333");

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
