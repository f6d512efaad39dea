package com.quotadoctor.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports bucket: private, encrypted, TLS only, expiring; only Diagnose writes, and only under reports/. */
class ReportsBucketTest {

    private final Template template = Template.fromStack(Synth.stack(Synth.app(Synth.FULL), "QuotaDoctor"));

    @Test
    void itIsPrivateEncryptedAndExpiring() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", List.of(Map.of("ExpirationInDays", 30, "Status", "Enabled")))));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny", "Condition",
                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void onlyDiagnoseWritesAndOnlyReports() {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of("QUOTA_DOCTOR_REPORTS_BUCKET",
                        Match.anyValue()))))));
        assertThat(functions).hasSize(1);
        assertThat(functions.keySet().iterator().next()).startsWith("Diagnose");
        String json = template.toJSON().toString();
        assertThat(json.split("s3:PutObject", -1).length - 1).as("PutObject grants: reports, and the sweep's files")
                .isLessThanOrEqualTo(2);
        Object resource = Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                Match.arrayWith(List.of("/reports/*"))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "KeepReports", "Action", "s3:PutObject",
                        "Resource", resource)))))));
    }
}
