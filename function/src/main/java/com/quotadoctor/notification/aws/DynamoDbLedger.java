package com.quotadoctor.notification.aws;

import com.quotadoctor.notification.NotificationLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.Map;

/**
 * The announcement ledger in DynamoDB: one item per fingerprint ({@value #PREFIX}…), removed by TTL. Every write is
 * conditional on the owner token, so a call the SDK retried after a lost response finds its own claim, and one
 * delivery can never release or mark another's.
 */
public final class DynamoDbLedger implements NotificationLedger {

    static final String KEY = "pk";
    static final String EXPIRES = "expiresAt";
    public static final String PREFIX = "notified#";
    private static final String CLAIMED = "claimed";
    private static final String SENT = "sent";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Claim claim(String fingerprint, String owner, Instant now, Instant leaseUntil) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(KEY, key(fingerprint), EXPIRES, epoch(leaseUntil), "owner", AttributeValue.fromS(owner),
                            "state", AttributeValue.fromS(CLAIMED), "claimedAt", AttributeValue.fromS(now.toString())))
                    // TTL deletes lazily (up to days late): an expired item counts as absent
                    .conditionExpression("attribute_not_exists(#k) OR #e < :now OR (#o = :owner AND #s = :claimed)")
                    .expressionAttributeNames(Map.of("#k", KEY, "#e", EXPIRES, "#o", "owner", "#s", "state"))
                    .expressionAttributeValues(Map.of(":now", epoch(now), ":owner", AttributeValue.fromS(owner),
                            ":claimed", AttributeValue.fromS(CLAIMED)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> held = e.hasItem() ? e.item() : dynamo.getItem(b -> b.tableName(table)
                    .key(Map.of(KEY, key(fingerprint))).consistentRead(true)).item();
            AttributeValue state = held == null ? null : held.get("state");
            // an item from before owner tokens has no state: it was written once the claim was made, treat as sent
            return state == null || SENT.equals(state.s()) ? Claim.SENT : Claim.BUSY;
        }
    }

    @Override
    public void sent(String fingerprint, String owner, Instant now, Instant expires) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of(KEY, key(fingerprint)))
                    .updateExpression("SET #s = :sent, #e = :expires, sentAt = :now")
                    .conditionExpression("#o = :owner")
                    .expressionAttributeNames(Map.of("#s", "state", "#e", EXPIRES, "#o", "owner"))
                    .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS(SENT), ":expires", epoch(expires),
                            ":now", AttributeValue.fromS(now.toString()), ":owner", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException e) {
            // our lease ran out and another delivery took the situation over: it will mark it itself
        }
    }

    @Override
    public void release(String fingerprint, String owner) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of(KEY, key(fingerprint)))
                    .conditionExpression("#o = :owner AND #s = :claimed")
                    .expressionAttributeNames(Map.of("#o", "owner", "#s", "state"))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner),
                            ":claimed", AttributeValue.fromS(CLAIMED))));
        } catch (ConditionalCheckFailedException e) {
            // not ours (any more): nothing to give back
        }
    }

    private static AttributeValue key(String fingerprint) {
        return AttributeValue.fromS(PREFIX + fingerprint);
    }

    private static AttributeValue epoch(Instant t) {
        return AttributeValue.fromN(Long.toString(t.getEpochSecond()));
    }
}
