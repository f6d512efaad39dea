package com.quotadoctor.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudtrail.ReadWriteType;
import software.amazon.awscdk.services.cloudtrail.Trail;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.constructs.Construct;

/**
 * A multi-region trail of management events, for accounts that have none: EventBridge delivers "AWS API
 * Call via CloudTrail" events only while a trail logs them. Created only with {@code -c createTrail=true}.
 */
final class AuditTrail extends Construct {

    AuditTrail(Construct scope, String id) {
        super(scope, id);
        Bucket bucket = Bucket.Builder.create(this, "Bucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .versioned(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Suppressions.suppress(bucket, "AwsSolutions-S1", "The trail's own bucket: CloudTrail already records who "
                + "reads it, log file validation detects tampering, and access logs would need yet another bucket");
        Trail.Builder.create(this, "Trail")
                .bucket(bucket)
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .managementEvents(ReadWriteType.ALL)
                .enableFileValidation(true)
                .build();
    }
}
