package com.quotadoctor.workflow.aws;

import com.quotadoctor.workflow.RunLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

/**
 * The running diagnoses in the state table: one item per situation ({@value #PREFIX}…), lapsing at {@code expiresAt}
 * (TTL deletes it later). The claim is one conditional put, so of 100 simultaneous starts exactly one wins.
 */
public final class DynamoDbRunLedger implements RunLedger {

    public static final String PREFIX = "running#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbRunLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean start(String situation, String owner, Instant now, Instant until) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("pk", key(situation), "expiresAt", epoch(until), "owner", AttributeValue.fromS(owner),
                            "startedAt", AttributeValue.fromS(now.toString())))
                    // TTL deletes lazily (up to days late): a lapsed item counts as absent
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now OR #o = :owner")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":now", epoch(now), ":owner", AttributeValue.fromS(owner))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void hold(String situation, Instant until) {
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", key(situation)))
                .updateExpression("SET expiresAt = :until").expressionAttributeValues(Map.of(":until", epoch(until))));
    }

    private static AttributeValue key(String situation) {
        return AttributeValue.fromS(PREFIX + situation);
    }

    private static AttributeValue epoch(Instant at) {
        return AttributeValue.fromN(Long.toString(at.getEpochSecond()));
    }
}
