package com.quotadoctor.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestStatusTest {

    @ParameterizedTest
    @CsvSource({
            "PENDING, PENDING, true, false",
            "CASE_OPENED, CASE_OPENED, true, false",
            "APPROVED, APPROVED, false, false",
            "DENIED, DENIED, false, true",
            "NOT_APPROVED, NOT_APPROVED, false, true",
            "NOT APPROVED, NOT_APPROVED, false, true",
            "INVALID_REQUEST, INVALID_REQUEST, false, true",
            "CASE_CLOSED, CASE_CLOSED, false, false",
            "case_closed, CASE_CLOSED, false, false",
            "PENDING_AUTO_REVIEW, UNKNOWN, false, false",
            "UNKNOWN_TO_SDK_VERSION, UNKNOWN, false, false",
    })
    void readsEveryWireStatus(String wire, RequestStatus status, boolean open, boolean refused) {
        RequestStatus read = RequestStatus.fromWire(wire);

        assertThat(read).isEqualTo(status);
        assertThat(read.isOpen()).isEqualTo(open);
        assertThat(read.isRefused()).isEqualTo(refused);
    }
}
