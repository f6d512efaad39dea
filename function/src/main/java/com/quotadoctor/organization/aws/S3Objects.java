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

    private final int maxBytes;

    public S3Objects(S3Client s3, String bucket) {
        this(s3, bucket, MAX_BYTES);
    }

    S3Objects(S3Client s3, String bucket, int maxBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.maxBytes = maxBytes;
    }

    public String bucket() {
        return bucket;
    }

    /**
     * The most one file may hold: a result file carries each child execution's input and output (at most 256 KiB
     * each); beyond this the file is not read (its accounts are reported unreadable) rather than filling the heap.
     */
    static final int MAX_BYTES = 128 * 1024 * 1024;

    @Override
    public String read(String key) {
        try (var body = s3.getObject(b -> b.bucket(bucket).key(key))) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                body.abort();
                throw new IllegalStateException("larger than " + maxBytes + " bytes; not read");
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(String key, String json) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromString(json));
    }
}
