package com.quotadoctor.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code cdk synth} / {@code cdk deploy} from the repository root run this. Stacks: the home
 * stack, one forwarder per other workload region, and (with {@code -c homeAccount=…}) the member-account role.
 */
public final class QuotaDoctorApp {

    private QuotaDoctorApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    static void build(App app) {
        // the Distributed Map's ResultWriter as Step Functions documents it today (WriterConfig-capable); without the
        // flag CDK renders only the deprecated ResultWriter
        app.getNode().setContext("@aws-cdk/aws-stepfunctions:useDistributedMapResultWriterV2", true);
        // every synth is checked: an unsuppressed AwsSolutions finding fails `cdk synth`
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        DeploymentConfig config = DeploymentConfig.from(app.getNode());
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        Names names = config.names();
        new QuotaDoctorStack(app, names.stack("QuotaDoctor"), props("Quota Doctor for Amazon Bedrock: explains why approved quota "
                + "increases don't stop throttling", account, config.homeRegion()), config);
        for (String region : config.remoteRegions()) {
            new RegionForwarderStack(app, names.stack("QuotaDoctorForwarder-" + region), props("Quota Doctor: " + region
                    + " alarms and quota events to " + config.homeRegion(), account, region), config, true);
        }
        String support = RegionForwarderStack.SUPPORT_REGION;
        if (!config.homeRegion().equals(support) && !config.remoteRegions().contains(support)) {
            new RegionForwarderStack(app, names.stack("QuotaDoctorForwarder-" + support), props("Quota Doctor: support case "
                    + "updates (emitted in " + support + " only) to " + config.homeRegion(), account, support), config, false);
        }
        config.homeAccount().ifPresent(home -> new MemberRoleStack(app, names.stack("QuotaDoctorMemberRole"),
                props("Quota Doctor: read-only role for account " + home, null, null), config, home));
    }

    private static StackProps props(String description, String account, String region) {
        return StackProps.builder().description(description)
                .env(Environment.builder().account(account).region(region).build()).build();
    }
}
