package com.quotadoctor.domain;

/**
 * Input the user or AWS handed us that cannot be used: a flag, an event, a snapshot, a setting. It carries the exit
 * status the CLI gives it ({@value #STATUS}), so that only bad input exits as bad input; any other exception is a
 * failure of ours (exit 1), never mistaken for the user's.
 */
public class BadInputException extends IllegalArgumentException {

    public static final int STATUS = 2;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    public int status() {
        return STATUS;
    }
}
