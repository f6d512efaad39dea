package com.quotadoctor.organization.aws;

import com.quotadoctor.organization.ResultsBucket;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sweep's results bucket, and only it: the account list a sweep writes for its map's ItemReader, and the files its
 * ResultWriter wrote. A key is read from the configured bucket whatever the input says, so an input naming another
 * bucket reads nothing it should not.
 */
public final class S3Objects implements ResultsBucket {

    private final S3Client s3;
    private final String bucket;

    public S3Objects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public String read(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    @Override
    public void write(String key, String json) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromString(json));
    }
}
