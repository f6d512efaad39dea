package com.quotadoctor.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Bedrock quota catalogue (src/test/resources/catalogue): its rows, and its quotas as one region lists them. */
public final class RealCatalogue {

    private RealCatalogue() {
    }

    public static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = RealCatalogue.class.getResourceAsStream("/catalogue/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", -1))
                    .toList();
        }
    }

    /** The catalogue of one era (current names, or older names standing in for their codes), each quota at 1. */
    public static List<Quota> quotas(boolean older, String region) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] row : rows("bedrock-quotas.tsv")) {
            if (row[2].equals("current")) {
                names.putIfAbsent(row[0], row[1]);
            }
        }
        if (older) {
            for (String[] row : rows("bedrock-quotas.tsv")) {
                if (row[2].equals("older")) {
                    names.put(row[0], row[1]);
                }
            }
        }
        List<Quota> out = new ArrayList<>();
        names.forEach((code, name) -> out.add(new Quota(code, name, QuotaClassifier.classify(code, name), region,
                Optional.of("111122223333"), Optional.of(1.0), Optional.of(1.0), Optional.of(true))));
        return out;
    }
}
