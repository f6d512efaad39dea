package com.quotadoctor.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code cdk synth} / {@code cdk deploy} from the repository root run this. */
public final class QuotaDoctorApp {

    private QuotaDoctorApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        new QuotaDoctorStack(app, "QuotaDoctor", StackProps.builder()
                .description("Quota Doctor for Amazon Bedrock: explains why approved quota increases don't stop throttling")
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .build());
        app.synth();
    }
}
