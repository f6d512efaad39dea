package com.quotadoctor.watch.aws;

import com.quotadoctor.watch.StatusLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Each request's last status ({@value #PREFIX}…) and each quota's last applied value ({@value #APPLIED}…) in DynamoDB: read consistently, written with a plain put, which a
 * retried call repeats to the same effect (the watcher runs one sweep at a time: reserved concurrency 1).
 */
public final class DynamoDbStatusLedger implements StatusLedger {

    public static final String PREFIX = "request#";
    /** A quota's last applied value: {@value}account#region#code. */
    public static final String APPLIED = "applied#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStatusLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<String> last(String requestId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(requestId)).consistentRead(true))
                .item();
        return item == null ? Optional.empty() : Optional.ofNullable(item.get("status")).map(AttributeValue::s);
    }

    @Override
    public void record(String requestId, String status, Instant now) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(PREFIX + requestId),
                "status", AttributeValue.fromS(status), "observedAt", AttributeValue.fromS(now.toString()))));
    }

    @Override
    public Optional<Applied> lastApplied(String quotaKey) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(APPLIED + quotaKey))).consistentRead(true)).item();
        if (item == null || !item.containsKey("value") || !item.containsKey("observedAt")) {
            return Optional.empty();
        }
        return Optional.of(new Applied(Double.parseDouble(item.get("value").n()),
                Instant.parse(item.get("observedAt").s())));
    }

    @Override
    public void recordApplied(String quotaKey, double value, Instant now) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(APPLIED + quotaKey),
                "value", AttributeValue.fromN(java.math.BigDecimal.valueOf(value).toPlainString()),
                "observedAt", AttributeValue.fromS(now.toString()))));
    }

    private static Map<String, AttributeValue> key(String requestId) {
        return Map.of("pk", AttributeValue.fromS(PREFIX + requestId));
    }
}
