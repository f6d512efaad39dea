package com.quotadoctor.notification;

import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario's report in a real browser: Debian's headless Chromium loads the file, and what it renders is read
 * back, not what Java wrote. The page must log no console message and break no content-security rule, and the points
 * of its charts, taken from the DOM the browser built, must be the snapshot's own numbers at their heights. Screenshots
 * of two scenarios land in function/target/reports (the CI artifact path). Skips where Chromium is missing, unless
 * QD_REQUIRE_CHROMIUM=1 (CI) makes that a failure.
 */
class HtmlReportBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path REPORTS = Path.of("target", "reports");

    @BeforeAll
    static void chromium() throws IOException {
        boolean required = "1".equals(System.getenv("QD_REQUIRE_CHROMIUM"));
        if (required) {
            assertThat(CHROMIUM).as("QD_REQUIRE_CHROMIUM=1: Debian's chromium package").isExecutable();
        }
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (apt-get install chromium)");
        Files.createDirectories(REPORTS);
    }

    static List<Path> scenarios() throws IOException {
        return HtmlReportTest.scenarios().toList();
    }

    /** What Chromium made of the page, and what it logged. */
    record Loaded(String dom, String log) {
    }

    static Loaded load(Path html, String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Files.createTempDirectory("chromium")));
        command.addAll(List.of(more));
        command.add(html.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile("dom", ".html");
        Path err = Files.createTempFile("chromium", ".log");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        Loaded loaded = new Loaded(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return loaded;
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void chromiumRendersItWithoutAComplaintAndItsChartHoldsTheSnapshotsNumbers(Path snapshot) throws Exception {
        Path html = REPORTS.resolve(snapshot.getFileName().toString().replace(".json", ".html"));
        Files.writeString(html, HtmlReportTest.render(snapshot));

        Loaded loaded = load(html, "--dump-dom");

        // the page's own complaints: console messages, blocked content (dbus noise of a container is not the page's)
        assertThat(loaded.log().lines().filter(l -> l.contains("CONSOLE") || l.contains("Content Security Policy")
                || l.contains("Uncaught") || l.contains("Refused to"))).isEmpty();
        Document dom = Jsoup.parse(loaded.dom());
        assertThat(dom.selectFirst("h1").text()).startsWith("Quota Doctor verdict: ");
        Snapshot s = new SnapshotReader().read(snapshot);
        for (Element svg : dom.select("svg.chart")) {
            HtmlReportTest.checkChart(svg, s);
        }
        for (Element svg : dom.select("svg.chart-day")) {
            HtmlReportTest.checkDayChart(svg, s);
        }
    }

    @Test
    void theCapacityPlanPageLoadsCleanly() throws Exception {
        Path html = REPORTS.resolve("capacity-plan.html");
        Files.writeString(html, HtmlReportTest.capacityPage());

        Loaded loaded = load(html, "--dump-dom");

        assertThat(loaded.log().lines().filter(l -> l.contains("CONSOLE") || l.contains("Refused to"))).isEmpty();
        assertThat(Jsoup.parse(loaded.dom()).select("svg.bars")).isNotEmpty();
    }

    @Test
    void screenshotsAreKeptForPeopleToLookAt() throws Exception {
        for (String name : List.of("region-mismatch", "endpoint-mismatch", "capacity-plan")) {
            Path html = REPORTS.resolve(name + ".html");
            Files.writeString(html, name.equals("capacity-plan") ? HtmlReportTest.capacityPage()
                    : HtmlReportTest.render(HtmlReportTest.SNAPSHOTS.resolve(name + ".json")));
            Path png = REPORTS.resolve(name + ".png");
            Files.deleteIfExists(png);

            load(html, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1800", "--hide-scrollbars");

            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes.length).as(name + ".png").isGreaterThan(20_000);
            assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
    }
}
