package com.quotadoctor.json;

/** A JSON document whose shape is wrong, with the exact place: {@code detail.state.value: expected a string}. */
public class ShapeException extends com.quotadoctor.domain.BadInputException {

    public ShapeException(String message) {
        super(message);
    }

    public ShapeException(String message, Throwable cause) {
        super(message, cause);
    }
}
