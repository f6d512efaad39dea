package com.quotadoctor.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Invokes a handler the way the Lambda runtime does: its no-argument constructor (init, reading the
 * environment), then {@code handleRequest} on an event file, twice (cold, then warm). Prints the first
 * result on stdout and the timings on stderr: {@code init_ms=… first_ms=… warm_ms=…}.
 * Usage: {@code LocalInvoke <handler class> <event file>}.
 */
public final class LocalInvoke {

    private LocalInvoke() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long initialised = System.nanoTime();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), first, new TestContext());
        long firstDone = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), new TestContext());
        long warmDone = System.nanoTime();
        System.out.println(first.toString(StandardCharsets.UTF_8));
        System.err.printf("init_ms=%d first_ms=%d warm_ms=%d%n", (initialised - started) / 1_000_000,
                (firstDone - initialised) / 1_000_000, (warmDone - firstDone) / 1_000_000);
    }
}
