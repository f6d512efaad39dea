package com.quotadoctor.evidence;

import com.quotadoctor.json.ShapeException;

/** A snapshot that cannot be read, with the place in it that is wrong. */
public class SnapshotException extends ShapeException {

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
