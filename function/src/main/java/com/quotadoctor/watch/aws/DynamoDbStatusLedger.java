package com.quotadoctor.watch.aws;

import com.quotadoctor.watch.StatusLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Each request's last status in DynamoDB, changed only by a conditional update that reports the old value. */
public final class DynamoDbStatusLedger implements StatusLedger {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStatusLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Recorded record(String requestId, String status, Instant now) {
        try {
            var old = dynamo.updateItem(b -> b.tableName(table).key(key(requestId))
                    .updateExpression("SET #s = :s, observedAt = :now")
                    .conditionExpression("attribute_not_exists(pk) OR #s <> :s")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status),
                            ":now", AttributeValue.fromS(now.toString())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return new Recorded(true, Optional.ofNullable(old == null ? null : old.get("status")).map(AttributeValue::s));
        } catch (ConditionalCheckFailedException e) {
            return new Recorded(false, Optional.of(status));
        }
    }

    @Override
    public void restore(String requestId, Optional<String> previous) {
        if (previous.isEmpty()) {
            dynamo.deleteItem(b -> b.tableName(table).key(key(requestId)));
        } else {
            dynamo.updateItem(b -> b.tableName(table).key(key(requestId)).updateExpression("SET #s = :s")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(previous.get()))));
        }
    }

    private static Map<String, AttributeValue> key(String requestId) {
        return Map.of("pk", AttributeValue.fromS("request#" + requestId));
    }
}
