package com.quotadoctor.organization;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The map run's results as the ResultWriter writes them (events/organization/), read back into account reports. */
class MapRunResultsTest {

    private static final Path DIR = Path.of("..", "events", "organization");
    private static final String RUN = "results/ad9b5f27-090b-3ac6-9beb-243cd77144a7/";

    private final com.quotadoctor.stub.MemoryBucket bucket = new com.quotadoctor.stub.MemoryBucket();
    private final Map<String, String> objects = bucket.objects();

    private void load() {
        try {
            objects.put(RUN + "manifest.json", Files.readString(DIR.resolve("manifest.json")));
            objects.put(RUN + "SUCCEEDED_0.json", Files.readString(DIR.resolve("SUCCEEDED_0.json")));
            objects.put(RUN + "FAILED_0.json", Files.readString(DIR.resolve("FAILED_0.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyListedAccountGetsItsReportAFailedChildIsUnreadableAndAnUnmentionedAccountToo() {
        load();

        List<AccountReport> reports = MapRunResults.read(bucket, RUN + "manifest.json",
                List.of("444455556666", "777788889999", "222233334444", "999900001111"));

        assertThat(reports).extracting(AccountReport::account)
                .containsExactly("444455556666", "777788889999", "222233334444", "999900001111");
        assertThat(reports.get(1).throttled()).singleElement().satisfies(t -> assertThat(t.quotaCode()).contains("L-F4DDD3EB"));
        assertThat(reports.get(2).unreadable()).hasValueSatisfying(u -> assertThat(u)
                .startsWith("its check failed (States.Timeout: ").contains("Task timed out after 120.00 seconds"));
        assertThat(reports.get(3).unreadable()).contains("no result of its check was written");
        assertThat(OrganizationReport.of(reports).mismatches()).singleElement()
                .satisfies(m -> assertThat(m.failing() + "<-" + m.raisedIn()).isEqualTo("777788889999<-444455556666"));
    }

    @Test
    void aResultFileThatCannotBeReadCostsItsAccountsNotTheSweep() {
        load();
        objects.put(RUN + "SUCCEEDED_0.json", "<html>proxy error</html>");

        List<AccountReport> reports = MapRunResults.read(bucket, RUN + "manifest.json", List.of("444455556666"));

        assertThat(reports).extracting(AccountReport::account).containsExactly("222233334444", "444455556666");
        assertThat(reports.get(1).unreadable()).hasValueSatisfying(u -> assertThat(u)
                .contains("could not be read").contains("SUCCEEDED_0.json"));
    }

    @Test
    void oneMalformedOutputCostsItsOwnAccountNotTheOthersInItsFile() throws IOException {
        load();
        String file = objects.get(RUN + "SUCCEEDED_0.json");
        // the second execution's output loses its report's account
        objects.put(RUN + "SUCCEEDED_0.json", file.replaceFirst("\\\\\"account\\\\\":\\\\\"777788889999\\\\\",", ""));
        assertThat(objects.get(RUN + "SUCCEEDED_0.json")).isNotEqualTo(file);

        List<AccountReport> reports = MapRunResults.read(bucket, RUN + "manifest.json", List.of());

        assertThat(reports).filteredOn(r -> r.account().equals("444455556666")).singleElement()
                .satisfies(r -> assertThat(r.unreadable()).isEmpty());
        assertThat(reports).filteredOn(r -> r.account().equals("777788889999")).singleElement()
                .satisfies(r -> assertThat(r.unreadable()).hasValueSatisfying(u -> assertThat(u)
                        .startsWith("its check's result cannot be read: ").contains("account")));
    }
}
