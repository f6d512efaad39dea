package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.Operation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * Holds every response to its operation's byte bound before the SDK parses it: a declared {@code Content-Length}
 * beyond it is refused unread, and a body that streams past it (chunked, or lying about its length) is cut where it
 * crosses. All responses being read at once share one allowance too, so many regions answering hostile bodies in
 * parallel still fit a Lambda-sized heap. A hostile or broken endpoint then costs one gap, never the heap.
 */
public final class ResponseBound implements ExecutionInterceptor {

    /** What every response being read at once may hold together: far above AWS's answers, far below 512 MB. */
    static final long IN_FLIGHT_BYTES = 64L * 1024 * 1024;

    private final java.util.concurrent.atomic.AtomicLong inFlight = new java.util.concurrent.atomic.AtomicLong();

    /** Raised where a response crosses its bound; not an I/O error, so the SDK does not retry it. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(String operation, long bound, String how) {
            super(operation + " answered " + how + " where at most " + bound + " bytes are expected: not AWS's answer, "
                    + "not read");
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        long bound = bound(attributes);
        Optional<String> length = response.firstMatchingHeader("Content-Length");
        if (length.isPresent()) {
            long declared = parse(length.get());
            if (declared > bound) {
                throw new TooLarge(name(attributes), bound, "with Content-Length " + declared);
            }
        }
        return response;
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        release(attributes); // a retried attempt's earlier body
        return context.responseBody().map(body -> {
            Bounded bounded = new Bounded(body, bound(attributes), name(attributes), inFlight);
            attributes.putAttribute(BODY, bounded);
            return bounded;
        });
    }

    // the SDK may close its own stream rather than ours: the allowance is given back when the call ends either way
    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    private static void release(ExecutionAttributes attributes) {
        Bounded body = attributes.getAttribute(BODY);
        if (body != null) {
            body.release();
        }
    }

    private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<Bounded> BODY =
            new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("QuotaDoctorBoundedBody");

    /** Bytes of all bodies being read now; for tests. */
    long inFlight() {
        return inFlight.get();
    }

    private static String name(ExecutionAttributes attributes) {
        return String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    private static long bound(ExecutionAttributes attributes) {
        return Operation.named(name(attributes)).map(Operation::maxResponseBytes).orElse(Operation.DEFAULT_RESPONSE_BYTES);
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP client rejects a malformed length itself
        }
    }

    /** A body that throws once more than {@code bound} bytes have been read from it. */
    private static final class Bounded extends FilterInputStream {
        private final long bound;
        private final String operation;
        private final java.util.concurrent.atomic.AtomicLong shared;
        private long read;

        Bounded(InputStream in, long bound, String operation, java.util.concurrent.atomic.AtomicLong shared) {
            super(in);
            this.bound = bound;
            this.operation = operation;
            this.shared = shared;
        }

        private long held;

        @Override
        public void close() throws java.io.IOException {
            release();
            super.close();
        }

        synchronized void release() {
            shared.addAndGet(-held);
            held = 0;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, bound - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws java.io.IOException {
            long skipped = super.skip(Math.min(n, bound - read + 1));
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            long together;
            synchronized (this) {
                held += n;
                together = shared.addAndGet(n);
            }
            if (read > bound) {
                throw new TooLarge(operation, bound, "more than " + bound + " bytes");
            }
            if (together > IN_FLIGHT_BYTES) {
                throw new TooLarge(operation, bound, "while the responses being read together passed "
                        + IN_FLIGHT_BYTES + " bytes");
            }
        }
    }
}
