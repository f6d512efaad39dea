package com.quotadoctor.notification.aws;

import com.quotadoctor.notification.NotificationLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

/**
 * The announcement ledger in DynamoDB: one item per fingerprint, written only if absent or expired (a
 * conditional put, so concurrent deliveries of one event race safely), removed by TTL.
 */
public final class DynamoDbLedger implements NotificationLedger {

    static final String KEY = "pk";
    static final String EXPIRES = "expiresAt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean claim(String fingerprint, Instant now, Instant expires) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(KEY, AttributeValue.fromS(key(fingerprint)),
                            EXPIRES, AttributeValue.fromN(Long.toString(expires.getEpochSecond())),
                            "claimedAt", AttributeValue.fromS(now.toString())))
                    // TTL deletes lazily (up to days late): an expired claim counts as absent
                    .conditionExpression("attribute_not_exists(#k) OR #e < :now")
                    .expressionAttributeNames(Map.of("#k", KEY, "#e", EXPIRES))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void release(String fingerprint) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of(KEY, AttributeValue.fromS(key(fingerprint)))));
    }

    private static String key(String fingerprint) {
        return "notified#" + fingerprint;
    }
}
