package com.quotadoctor.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaDoctorStackTest {

    private static QuotaDoctorStack stack;
    private static Template template;

    @BeforeAll
    static void synth() {
        App app = new App();
        stack = new QuotaDoctorStack(app, "QuotaDoctor", StackProps.builder().build());
        Aspects.of(stack).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        template = Template.fromStack(stack);
    }

    @Test
    void cdkNagAwsSolutionsFindsNothing() {
        Annotations annotations = Annotations.fromStack(stack);

        assertThat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .extracting(m -> m.getEntry().getData()).isEmpty();
        assertThat(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .extracting(m -> m.getEntry().getData()).isEmpty();
    }

    @Test
    void findingsTopicIsEncryptedWithTheSnsKey() {
        template.resourceCountIs("AWS::SNS::Topic", 1);
        Map<String, Map<String, Object>> topics = template.findResources("AWS::SNS::Topic");
        Object properties = topics.values().iterator().next().get("Properties");

        // the alias ARN is joined from partition, region and account tokens at deploy time
        assertThat(((Map<?, ?>) properties).get("KmsMasterKeyId")).asString().contains(":alias/aws/sns");
    }

    @Test
    void findingsTopicRefusesPlainHttp() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Action", "sns:Publish",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }
}
