package com.quotadoctor.evidence.aws;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The functions' copy of the default catalogue: one item per region in the state table, so a cold function reads
 * one item instead of a dozen pages of Service Quotas. The document is gzip'd (a 1,100-quota catalogue is about
 * 150 KB of JSON and 15 KB compressed; an item holds 400 KB) and expires with the table's TTL. Reading it is
 * {@code dynamodb:GetItem}, writing it {@code dynamodb:PutItem}, both on keys starting {@value #PREFIX} only.
 */
public final class TableCatalogueStore implements DefaultCatalogue.Store {

    public static final String PREFIX = "catalogue#bedrock#";
    /** A compressed catalogue larger than this is not a Bedrock catalogue: never inflated. */
    private static final int LARGEST_DOCUMENT = 8 << 20;

    private final java.util.function.Supplier<DynamoDbClient> client;
    private final String table;
    private volatile DynamoDbClient dynamo;

    /** @param client built on first use: an invocation whose catalogue is warm in memory never loads DynamoDB's SDK */
    public TableCatalogueStore(java.util.function.Supplier<DynamoDbClient> client, String table) {
        this.client = client;
        this.table = table;
    }

    private DynamoDbClient dynamo() {
        DynamoDbClient built = dynamo;
        if (built == null) {
            synchronized (this) {
                if (dynamo == null) {
                    dynamo = client.get();
                }
                built = dynamo;
            }
        }
        return built;
    }

    @Override
    public Optional<String> load(String region) {
        Map<String, AttributeValue> item = dynamo().getItem(b -> b.tableName(table).key(key(region))).item();
        AttributeValue document = item == null ? null : item.get("document");
        return document == null || document.b() == null ? Optional.empty() : Optional.of(inflate(document.b()));
    }

    @Override
    public void save(String region, String document, Instant expiresAt) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(region));
        item.put("document", AttributeValue.fromB(deflate(document)));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        dynamo().putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String region) {
        return Map.of("pk", AttributeValue.fromS(PREFIX + region));
    }

    private static SdkBytes deflate(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(out.toByteArray());
    }

    private static String inflate(SdkBytes bytes) {
        try (GZIPInputStream gzip = new GZIPInputStream(bytes.asInputStream())) {
            byte[] text = gzip.readNBytes(LARGEST_DOCUMENT + 1);
            if (text.length > LARGEST_DOCUMENT) {
                throw new IllegalStateException("the kept catalogue inflates beyond " + LARGEST_DOCUMENT + " bytes");
            }
            return new String(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
