package com.quotadoctor.diagnosis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a finding's evidence in reading order, leaving out what is unknown. */
final class Proof {

    private final Map<String, Object> values = new LinkedHashMap<>();

    Proof put(String key, Object value) {
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> put(key, v));
        } else if (value instanceof Instant instant) {
            values.put(key, instant.toString());
        } else if (value instanceof Double d) {
            values.put(key, Format.number(d));
        } else if (value instanceof List<?> list && list.isEmpty()) {
            return this;
        } else if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    Map<String, Object> build() {
        return values;
    }
}
