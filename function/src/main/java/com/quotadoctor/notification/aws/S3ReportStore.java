package com.quotadoctor.notification.aws;

import com.quotadoctor.notification.ReportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Reports in the stack's private reports bucket ({@value #PREFIX}…, expired by the bucket's lifecycle rule). The link is
 * the S3 console's page of the object, not a presigned URL: it opens only for someone signed in to this account with
 * read access, so a forwarded e-mail or a chat history hands no one the report; and a URL presigned with the
 * function's session credentials would stop working when that session ends, within hours.
 */
public final class S3ReportStore implements ReportStore {

    public static final String PREFIX = "reports/";
    private static final Logger LOG = LoggerFactory.getLogger(S3ReportStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String region;

    public S3ReportStore(S3Client s3, String bucket, String region) {
        this.s3 = s3;
        this.bucket = bucket;
        this.region = region;
    }

    @Override
    public Optional<String> keep(String name, String html) {
        String key = PREFIX + name + ".html";
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/html; charset=utf-8")
                    .contentDisposition("inline"), RequestBody.fromString(html, StandardCharsets.UTF_8));
            return Optional.of(consoleLink(bucket, key, region));
        } catch (SdkException e) {
            // the finding matters more than its picture: said once, and the notification goes out without the link
            LOG.warn("report not kept", entry("bucket", bucket), entry("key", key), entry("error",
                    com.quotadoctor.domain.Text.oneLine(String.valueOf(e.getMessage()), 300)));
            return Optional.empty();
        }
    }

    static String consoleLink(String bucket, String key, String region) {
        return "https://" + region + ".console.aws.amazon.com/s3/object/" + bucket + "?region=" + region
                + "&bucketType=general&prefix=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }
}
