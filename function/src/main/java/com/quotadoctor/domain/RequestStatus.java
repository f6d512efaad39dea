package com.quotadoctor.domain;

import java.util.Locale;

/** Status of a quota increase request, including values this version does not know. */
public enum RequestStatus {
    PENDING, CASE_OPENED, APPROVED, DENIED, CASE_CLOSED, NOT_APPROVED, INVALID_REQUEST, UNKNOWN;

    /** Reads a wire value; anything unrecognised (a status newer than this code) becomes {@link #UNKNOWN}. */
    public static RequestStatus fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (RequestStatus status : values()) {
            if (status.name().equals(normalised)) {
                return status;
            }
        }
        return UNKNOWN;
    }

    /** Not decided yet: AWS or Support still has it. */
    public boolean isOpen() {
        return this == PENDING || this == CASE_OPENED;
    }

    /** Decided against, whatever the applied value says. */
    public boolean isRefused() {
        return this == DENIED || this == NOT_APPROVED || this == INVALID_REQUEST;
    }
}
