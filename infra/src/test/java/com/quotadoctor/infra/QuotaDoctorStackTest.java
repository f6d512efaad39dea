package com.quotadoctor.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaDoctorStackTest {

    private static Template template;

    @BeforeAll
    static void synth() {
        App app = new App();
        template = Template.fromStack(new QuotaDoctorStack(app, "QuotaDoctor", StackProps.builder().build()));
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
