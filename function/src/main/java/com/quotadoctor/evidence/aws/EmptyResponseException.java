package com.quotadoctor.evidence.aws;

/**
 * A success (HTTP 200) whose body lacks what the operation always returns: an empty body, an HTML page from a proxy,
 * a JSON document of something else. Taken as "nothing there" it would yield a confident verdict on nothing; it is
 * a gap ({@code MalformedResponse}) instead.
 */
final class EmptyResponseException extends RuntimeException {

    /** A field AWS always returns, even empty: its absence means the body was not AWS's answer. */
    static void requirePresent(boolean present, com.quotadoctor.domain.Operation operation, String field) {
        if (!present) {
            throw new EmptyResponseException(operation.wireName(), field);
        }
    }

    EmptyResponseException(String operation, String missing) {
        super(operation + " answered 200 without " + missing + ": not an AWS response, or a truncated one");
    }
}
