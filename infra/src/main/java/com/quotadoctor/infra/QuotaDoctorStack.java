package com.quotadoctor.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The Quota Doctor stack. Today it holds the findings topic that diagnoses are published to; the
 * Lambda handlers, the Step Functions loop and the EventBridge rules join it as the function gains
 * its AWS adapters.
 */
public final class QuotaDoctorStack extends Stack {

    public QuotaDoctorStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        Tags.of(this).add("application", "quota-doctor");

        // Findings name accounts, regions and quota codes: encrypted at rest, TLS only in transit.
        Topic findings = Topic.Builder.create(this, "Findings")
                .displayName("Quota Doctor findings")
                .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns"))
                .enforceSsl(true)
                .build();
        CfnOutput.Builder.create(this, "FindingsTopicArn").value(findings.getTopicArn())
                .description("Subscribe here to receive diagnoses").build();
    }
}
