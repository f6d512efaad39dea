package com.quotadoctor.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An endpoint in front of the stub AWS that answers the chosen operations the way a hostile or broken endpoint does
 * (a body AWS never sends, streamed on its own thread) and passes every other call through unchanged. It counts the
 * bytes it managed to send: what the client read before it stopped.
 */
public final class HostileFront implements AutoCloseable {

    /** How a hostile answer misbehaves. */
    public enum Mode {
        /** {@code Content-Length: 5000000000}, then a valid list that never ends. */
        DECLARED_FIVE_GB,
        /** Chunked, a list item whose name never ends. */
        ENDLESS_STRING
    }

    private static final long GIVE_UP_BYTES = 2L * 1024 * 1024 * 1024;
    private static final Set<String> HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "expect",
            "upgrade");

    private final HttpServer server;
    private final URI stub;
    private final Mode mode;
    private final Set<String> operations;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong hostileCalls = new AtomicLong();

    public HostileFront(URI stub, Mode mode, Set<String> operations) throws IOException {
        this.stub = stub;
        this.mode = mode;
        this.operations = operations;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-front");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::answer);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Bytes of hostile bodies the clients read before stopping. */
    public long hostileBytesSent() {
        return sent.get();
    }

    public long hostileCalls() {
        return hostileCalls.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        String form = new String(body, StandardCharsets.UTF_8);
        boolean hostile = operations.stream().anyMatch(o -> target.endsWith("." + o) || form.contains("Action=" + o + "&")
                || form.endsWith("Action=" + o));
        try (exchange) {
            if (hostile) {
                hostileCalls.incrementAndGet();
                hostile(exchange);
            } else {
                pass(exchange, body);
            }
        } catch (IOException | RuntimeException closedByClient) {
            // the client stopped reading: what it was meant to do
        }
    }

    private void hostile(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(200, mode == Mode.DECLARED_FIVE_GB ? 5_000_000_000L : 0);
        OutputStream out = exchange.getResponseBody();
        byte[] head = (mode == Mode.DECLARED_FIVE_GB ? "{\"Quotas\":[" : "{\"Quotas\":[{\"QuotaCode\":\"L-1\",\"QuotaName\":\"")
                .getBytes(StandardCharsets.UTF_8);
        out.write(head);
        byte[] chunk = (mode == Mode.DECLARED_FIVE_GB
                ? "{\"QuotaCode\":\"L-1\",\"QuotaName\":\"x\",\"Value\":1.0},".repeat(256)
                : "x".repeat(16 * 1024)).getBytes(StandardCharsets.UTF_8);
        for (long written = 0; written < GIVE_UP_BYTES; written += chunk.length) {
            out.write(chunk);
            sent.addAndGet(chunk.length);
        }
    }

    private void pass(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(stub.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
        exchange.getResponseBody().write(response.body());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
