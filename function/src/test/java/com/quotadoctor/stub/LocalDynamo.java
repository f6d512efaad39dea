package com.quotadoctor.stub;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.ServerSocket;
import java.net.URI;

/**
 * AWS's own DynamoDB emulator, in-process and in memory, with the table the CDK app deploys (string key
 * {@code pk}, TTL on {@code expiresAt}): real conditional-write semantics for the ledgers.
 */
public final class LocalDynamo implements AutoCloseable {

    public static final String TABLE = "quota-doctor";

    private final DynamoDBProxyServer server;
    private final DynamoDbClient client;

    public LocalDynamo() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            // DynamoDB Local prints its configuration banner on standard out: a green build prints nothing
            java.io.PrintStream out = System.out;
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                server = ServerRunner.createServerFromCommandLineArgs(new String[]{"-inMemory", "-port", Integer.toString(port)});
                server.start();
            } finally {
                System.setOut(out);
            }
            client = DynamoDbClient.builder().endpointOverride(URI.create("http://localhost:" + port))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
        client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        client.updateTimeToLive(b -> b.tableName(TABLE).timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Empties the table between tests. */
    public void clear() {
        client.scan(b -> b.tableName(TABLE)).items().forEach(item ->
                client.deleteItem(d -> d.tableName(TABLE).key(java.util.Map.of("pk", item.get("pk")))));
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }
}
