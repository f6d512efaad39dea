package com.quotadoctor.notification;

import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.diagnosis.Format;
import com.quotadoctor.domain.BedrockMetric;
import com.quotadoctor.domain.MetricSeries;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report of every scenario: self-contained, inert, and its chart drawn from the snapshot's own numbers, each
 * point's value and position recomputed here from the raw series, not from the code that drew it.
 */
class HtmlReportTest {

    static final Path SNAPSHOTS = Path.of("..", "events", "snapshots");

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static String render(Path snapshot) {
        Snapshot s = new SnapshotReader().read(snapshot);
        Diagnostician.Judgement j = Diagnostician.standard().judge(s.request(), s.evidence());
        return new HtmlReport().render(j);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyScenarioRendersOneSelfContainedPage(Path snapshot) {
        Document doc = Jsoup.parse(render(snapshot));

        assertThat(doc.select("script, iframe, object, embed, link, img[src^=http]")).isEmpty();
        assertThat(doc.select("[href]")).allSatisfy(a -> assertThat(a.attr("href")).startsWith("https://"));
        assertThat(doc.select("[src]")).isEmpty();
        assertThat(doc.getAllElements()).allSatisfy(e -> e.attributes().forEach(a ->
                assertThat(a.getKey()).as("no inline handler").doesNotStartWith("on")));
        assertThat(doc.selectFirst("h1").text()).startsWith("Quota Doctor verdict: ");
        assertThat(doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("default-src 'none'");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void eachChartPointIsTheSnapshotsOwnSettledTokensAtItsPlace(Path snapshot) {
        Snapshot s = new SnapshotReader().read(snapshot);
        Document doc = Jsoup.parse(render(snapshot));

        for (Element svg : doc.select("svg.chart")) {
            checkChart(svg, s);
        }
    }

    /** Every point's value is the raw series' sum at that minute; its height is that value on the chart's scale. */
    static void checkChart(Element svg, Snapshot s) {
        double ymax = Double.parseDouble(svg.attr("data-ymax"));
        long start = Long.parseLong(svg.attr("data-start"));
        long end = Long.parseLong(svg.attr("data-end"));
        String heading = svg.previousElementSibling().text(); // "<model> in <region>…"
        String model = heading.split(" in ")[0];
        String region = heading.split(" in ")[1].split("[ ,]")[0];
        Map<Long, Double> expected = settled(s, region, model, heading.contains("bedrock-mantle"));
        assertThat(svg.select("circle.point")).as(heading).isNotEmpty().allSatisfy(c -> {
            long t = Long.parseLong(c.attr("data-t"));
            double v = Double.parseDouble(c.attr("data-v"));
            assertThat(t).isBetween(start, end);
            assertThat(v).as("value at %s", Instant.ofEpochSecond(t)).isCloseTo(expected.get(t), within(v));
            double drawnY = Double.parseDouble(c.attr("cy"));
            double y = HtmlReport.TOP + HtmlReport.PLOT_HEIGHT * (1 - v / ymax);
            assertThat(drawnY).as("height of %s", Instant.ofEpochSecond(t)).isCloseTo(y, org.assertj.core.data.Offset.offset(0.01));
        });
    }

    private static org.assertj.core.data.Offset<Double> within(double v) {
        return org.assertj.core.data.Offset.offset(Math.max(0.01, Math.abs(v) * 1e-9));
    }

    /** Recomputed from the raw series: input + cache write + output × burndown per minute (mantle: input). */
    static Map<Long, Double> settled(Snapshot s, String region, String model, boolean mantle) {
        com.quotadoctor.domain.ModelId id = com.quotadoctor.domain.ModelId.parse(model);
        int burndown = id.outputBurndown();
        Map<Long, Double> out = new HashMap<>();
        List<MetricSeries> series = s.evidence().region(region).orElseThrow().metrics();
        for (MetricSeries m : series) {
            if (!id.sameInvocation(m.modelId())) {
                continue;
            }
            double weight = switch (m.metricName()) {
                case "InputTokenCount", "CacheWriteInputTokens" -> mantle ? 0 : 1;
                case "OutputTokenCount" -> mantle ? 0 : burndown;
                case "TotalInputTokens" -> mantle ? 1 : 0;
                default -> 0;
            };
            for (int i = 0; i < m.values().size(); i++) {
                out.merge(m.timestamps().get(i).getEpochSecond(), m.values().get(i) * weight * 60.0 / m.periodSeconds(),
                        Double::sum);
            }
        }
        return out;
    }

    @Test
    void aLoweredQuotaFellInsideTheBandBetweenTheWatchersTwoReads() throws Exception {
        // quota-lowered.json: 500,000 read at 09:00, 20,000 at 09:55; minutes read from 09:45, judged at 10:00
        Document doc = Jsoup.parse(render(SNAPSHOTS.resolve("quota-lowered.json")));
        Element svg = doc.selectFirst("svg.chart");
        HtmlReport.Axis axis = axisOf(svg);
        var near = org.assertj.core.data.Offset.offset(0.01);

        assertThat(axis.start()).as("the demand keeps the axis").isEqualTo(Instant.parse("2026-11-25T09:44:00Z"));
        assertThat(axis.ymax()).as("the old value does not flatten the demand").isLessThan(50_000);
        Element band = svg.selectFirst("rect.lowered");
        assertThat(band.attr("data-from")).isEqualTo("500000");
        assertThat(band.attr("data-to")).isEqualTo("20000");
        assertThat(Double.parseDouble(band.attr("x"))).as("clipped to the axis").isEqualTo(HtmlReport.LEFT);
        assertThat(Double.parseDouble(band.attr("x")) + Double.parseDouble(band.attr("width")))
                .isCloseTo(axis.x(Instant.parse("2026-11-25T09:55:00Z")), near);
        Element now = svg.selectFirst("line.quota");
        assertThat(now.attr("data-v")).isEqualTo("20000");
        assertThat(Double.parseDouble(now.attr("x1"))).as("the applied value, across the chart").isEqualTo(HtmlReport.LEFT);
        assertThat(Double.parseDouble(now.attr("y1"))).isCloseTo(axis.y(20_000), near);
        assertThat(svg.select("circle.quota-before")).as("09:00 is before the axis").isEmpty();
        assertThat(svg.nextElementSibling().text()).contains("L-58BE175A fell from 500,000 to 20,000 between "
                + "2026-11-25T09:00:00Z and 2026-11-25T09:55:00Z (two reads of the request watcher; the grey band)")
                .doesNotContain("green dot");
        checkChart(svg, new SnapshotReader().read(SNAPSHOTS.resolve("quota-lowered.json")));
    }

    @Test
    void theOldValueReadInsideTheWindowIsDottedAtTheTopEdgeWhenFarAboveTheScale(@TempDir Path dir) throws Exception {
        Path moved = lowered(dir, "2026-11-25T09:50:00Z", "2026-11-25T09:55:00Z");
        Document doc = Jsoup.parse(render(moved));
        Element svg = doc.selectFirst("svg.chart");
        HtmlReport.Axis axis = axisOf(svg);

        Element before = svg.selectFirst("circle.quota-before");
        assertThat(before.attr("data-v")).isEqualTo("500000");
        assertThat(before.attr("data-off-scale")).isEqualTo("true");
        assertThat(Double.parseDouble(before.attr("cy"))).isEqualTo(HtmlReport.TOP);
        assertThat(Double.parseDouble(before.attr("cx"))).isCloseTo(axis.x(Instant.parse("2026-11-25T09:50:00Z")),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(svg.selectFirst("rect.lowered").attr("x"))).isCloseTo(
                axis.x(Instant.parse("2026-11-25T09:50:00Z")), org.assertj.core.data.Offset.offset(0.01));
        assertThat(svg.nextElementSibling().text()).contains("green dot: the 500,000 read at 2026-11-25T09:50:00Z");
        checkChart(svg, new SnapshotReader().read(moved));
    }

    @Test
    void aLoweringReadAtCaptureStillShowsTheAppliedValueAndOneBeforeTheChartDrawsNoBand(@TempDir Path dir)
            throws Exception {
        Element atCapture = Jsoup.parse(render(lowered(dir, "2026-11-25T09:50:00Z", "2026-11-25T10:00:00Z")))
                .selectFirst("svg.chart");
        assertThat(atCapture.selectFirst("line.quota").attr("data-v")).isEqualTo("20000");
        assertThat(Double.parseDouble(atCapture.selectFirst("line.quota").attr("x1"))).isEqualTo(HtmlReport.LEFT);

        Document old = Jsoup.parse(render(lowered(dir, "2026-11-25T07:00:00Z", "2026-11-25T08:00:00Z")));
        Element svg = old.selectFirst("svg.chart");
        assertThat(svg.select("rect.lowered, circle.quota-before")).isEmpty();
        assertThat(svg.select("[x], [x1], [cx]")).allSatisfy(e -> {
            for (String a : List.of("x", "x1", "x2", "cx")) {
                if (e.hasAttr(a)) {
                    assertThat(Double.parseDouble(e.attr(a))).as("%s of %s", a, e.tagName()).isBetween(0.0,
                            (double) HtmlReport.WIDTH);
                }
            }
        });
        assertThat(svg.nextElementSibling().text()).contains("(two reads of the request watcher; before this chart)")
                .doesNotContain("grey band");

        Element instant = Jsoup.parse(render(lowered(dir, "2026-11-25T09:55:00Z", "2026-11-25T09:55:00Z")))
                .selectFirst("svg.chart");
        assertThat(instant.select("rect.lowered")).as("no span to draw").isEmpty();
        assertThat(instant.nextElementSibling().text()).contains("(two reads of the request watcher)")
                .doesNotContain("grey band");
    }

    /** quota-lowered.json with the watcher's two reads moved. */
    private static Path lowered(Path dir, String seen, String observed) throws IOException {
        Path moved = dir.resolve("lowered-" + seen.substring(11, 13) + seen.substring(14, 16) + "-"
                + observed.substring(11, 13) + observed.substring(14, 16) + ".json");
        java.nio.file.Files.writeString(moved, java.nio.file.Files.readString(SNAPSHOTS.resolve("quota-lowered.json"))
                .replace("\"previousObservedAt\": \"2026-11-25T09:00:00Z\"", "\"previousObservedAt\": \"" + seen + "\"")
                .replace("\"observedAt\": \"2026-11-25T09:55:00Z\"", "\"observedAt\": \"" + observed + "\""));
        return moved;
    }

    @Test
    void aDailyQuotaGetsItsOwnChartOfTheDaysTokensAgainstTheValueTheseCallsGet() {
        Path snapshot = SNAPSHOTS.resolve("daily-quota-exhausted.json");
        Document doc = Jsoup.parse(render(snapshot));
        Element svg = doc.selectFirst("svg.chart-day");

        double total = checkDayChart(svg, new SnapshotReader().read(snapshot));
        assertThat(doc.select("section.finding").first().text()).contains(Format.text(Math.round(total))
                + " tokens in the last 24 h");
        // L-381AD9EE applies 144,000,000 and is doubled for these us. cross-region calls, as the finding says
        assertThat(svg.selectFirst("line.quota").attr("data-v")).isEqualTo("288000000");
        assertThat(doc.select("section.finding li").eachText()).contains("dailyLimitForTheseCalls: 288000000");
        assertThat(svg.nextElementSibling().text()).contains("doubled for cross-region calls");

        assertThat(Jsoup.parse(render(SNAPSHOTS.resolve("region-mismatch.json"))).select("svg.chart-day"))
                .as("no finding there is about a daily quota").isEmpty();
    }

    @Test
    void aDayWithTrafficOnlyLateIsFlatUntilThenAndAZeroDailyValueGetsNoPercentage(@TempDir Path dir) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                SNAPSHOTS.resolve("daily-quota-exhausted.json").toFile());
        var region = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("regions").get("us-east-1");
        for (var metric : region.get("metrics")) {
            for (String field : List.of("Timestamps", "Values")) {
                var values = (com.fasterxml.jackson.databind.node.ArrayNode) metric.get(field);
                while (values.size() > 3) {
                    values.remove(0); // the last three hours only
                }
            }
        }
        for (var quota : region.get("serviceQuotas")) {
            if (quota.get("QuotaCode").asText().equals("L-381AD9EE")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) quota).put("Value", 0.0);
            }
        }
        Path late = dir.resolve("daily-late.json");
        json.writeValue(late.toFile(), tree);
        Snapshot s = new SnapshotReader().read(late);
        Document doc = Jsoup.parse(render(late));
        Element svg = doc.selectFirst("svg.chart-day");
        HtmlReport.Axis axis = axisOf(svg);

        checkDayChart(svg, s);
        String[] points = svg.selectFirst("polyline").attr("points").split(" ");
        Instant firstPeriod = s.evidence().region("us-east-1").orElseThrow().metrics().get(0).timestamps().get(0);
        assertThat(points[0]).isEqualTo(HtmlReport.num(HtmlReport.LEFT) + "," + HtmlReport.num(axis.y(0)));
        assertThat(points[1]).as("nothing accrues before the first period read")
                .isEqualTo(HtmlReport.num(axis.x(firstPeriod)) + "," + HtmlReport.num(axis.y(0)));
        assertThat(svg.selectFirst("line.quota").attr("data-v")).isEqualTo("0");
        assertThat(svg.nextElementSibling().text()).doesNotContain("of the daily value")
                .contains("L-381AD9EE at 0 a day for these calls (the applied 0, doubled for cross-region calls)");
    }

    /**
     * Every point of a day chart is the raw series' weighted tokens (input + cache write + output × burndown) summed
     * over the 24 h before capture up to the end of its period, at its height; returns the day's total.
     */
    static double checkDayChart(Element svg, Snapshot s) {
        Element h2 = svg.previousElementSibling();
        while (!h2.tagName().equals("h2")) {
            h2 = h2.previousElementSibling();
        }
        String heading = h2.text();
        String region = heading.split(" in ")[1].split("[ ,]")[0];
        com.quotadoctor.domain.ModelId id = com.quotadoctor.domain.ModelId.parse(heading.split(" in ")[0]);
        Instant captured = s.evidence().capturedAt();
        Map<Long, Double> ending = new java.util.TreeMap<>();
        for (MetricSeries m : s.evidence().region(region).orElseThrow().metrics()) {
            double weight = !id.sameInvocation(m.modelId()) ? 0 : switch (m.metricName()) {
                case "InputTokenCount", "CacheWriteInputTokens" -> 1;
                case "OutputTokenCount" -> id.outputBurndown();
                default -> 0;
            };
            for (int i = 0; i < m.values().size(); i++) {
                Instant t = m.timestamps().get(i);
                if (weight > 0 && !t.isBefore(captured.minusSeconds(86_400)) && !t.isAfter(captured)) {
                    long end = Math.min(t.getEpochSecond() + m.periodSeconds(), captured.getEpochSecond());
                    ending.merge(end, m.values().get(i) * weight, Double::sum);
                }
            }
        }
        Map<Long, Double> accrued = new HashMap<>();
        double total = 0;
        for (Map.Entry<Long, Double> e : ending.entrySet()) {
            total += e.getValue();
            accrued.put(e.getKey(), total);
        }
        HtmlReport.Axis axis = axisOf(svg);
        assertThat(svg.select("circle.point")).hasSize(accrued.size()).allSatisfy(c -> {
            long t = Long.parseLong(c.attr("data-t"));
            double v = Double.parseDouble(c.attr("data-v"));
            assertThat(v).as("tokens by %s", Instant.ofEpochSecond(t)).isCloseTo(accrued.get(t), within(v));
            assertThat(Double.parseDouble(c.attr("cy"))).isCloseTo(axis.y(v), org.assertj.core.data.Offset.offset(0.01));
            assertThat(Double.parseDouble(c.attr("cx"))).isCloseTo(axis.x(Instant.ofEpochSecond(t)),
                    org.assertj.core.data.Offset.offset(0.01));
        });
        return total;
    }

    static HtmlReport.Axis axisOf(Element svg) {
        return new HtmlReport.Axis(Instant.ofEpochSecond(Long.parseLong(svg.attr("data-start"))),
                Instant.ofEpochSecond(Long.parseLong(svg.attr("data-end"))), Double.parseDouble(svg.attr("data-ymax")));
    }

    @Test
    void theRegionMismatchPageShowsTheQuotaLineAndTheThrottles() {
        Document doc = Jsoup.parse(render(SNAPSHOTS.resolve("region-mismatch.json")));

        Element svg = doc.selectFirst("svg.chart");
        assertThat(svg.selectFirst("line.quota").attr("data-v")).isEqualTo("200000");
        assertThat(svg.select("rect.throttle")).isNotEmpty()
                .allSatisfy(r -> assertThat(Double.parseDouble(r.attr("data-throttles"))).isPositive());
        assertThat(doc.select("table.families td").eachText()).anyMatch(t -> t.startsWith("L-F4DDD3EB: 400,000"))
                .anyMatch(t -> t.startsWith("L-F4DDD3EB: 200,000"));
    }

    @Test
    void outsideTextIsInert() throws IOException {
        // the reliability issue's hostile text: markup and a plan line forged in an error message
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\n  1. [request-increase] forged";
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var snapshot = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                SNAPSHOTS.resolve("region-mismatch.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) snapshot.path("request").path("error")).put("message", hostile);
        snapshot.path("regions").forEach(r -> r.path("failedCalls").forEach(c ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("ErrorMessage", hostile)));
        Path file = Files.createTempFile("hostile", ".json");
        mapper.writeValue(file.toFile(), snapshot);

        String html = render(file);
        Document doc = Jsoup.parse(html);

        assertThat(doc.text()).as("shown, as text").contains("<script>alert(1)</script>");
        assertThat(doc.select("script, img")).isEmpty();
        assertThat(html).doesNotContain("<script>").doesNotContain("<img");
        assertThat(doc.select("ol#plan > li")).noneMatch(li -> li.ownText().contains("forged"));
        Files.delete(file);
    }

    static String capacityPage() throws IOException {
        var workloads = com.quotadoctor.json.TrafficJson.read("events/traffic.yaml",
                Files.readString(Path.of("..", "events", "traffic.yaml")));
        Snapshot s = new SnapshotReader().read(SNAPSHOTS.resolve("region-mismatch.json"));
        return new CapacityHtml().render(new com.quotadoctor.capacity.CapacityPlanner().plan(workloads, s.evidence()));
    }

    @Test
    void theCapacityPlanPageDrawsEachNeedAgainstWhatApplies() throws IOException {
        var workloads = com.quotadoctor.json.TrafficJson.read("events/traffic.yaml",
                Files.readString(Path.of("..", "events", "traffic.yaml")));
        Snapshot s = new SnapshotReader().read(SNAPSHOTS.resolve("region-mismatch.json"));
        var plan = new com.quotadoctor.capacity.CapacityPlanner().plan(workloads, s.evidence());
        Document doc = Jsoup.parse(capacityPage());

        assertThat(doc.select("script, [src]")).isEmpty();
        assertThat(doc.selectFirst("h1").text()).startsWith("Quota Doctor capacity plan: ");
        assertThat(doc.select("ol#plan code").eachText()).anyMatch(c -> c.contains("--quota-code L-F4DDD3EB --desired-value 1100000"));
        List<com.quotadoctor.capacity.Need> judged = plan.needs().stream().filter(n -> n.limit().isPresent()).toList();
        List<Element> bars = doc.select("svg.bars");
        assertThat(bars).hasSize(judged.size());
        for (int i = 0; i < bars.size(); i++) {
            Element svg = bars.get(i);
            double need = Double.parseDouble(svg.attr("data-need"));
            double limit = Double.parseDouble(svg.attr("data-limit"));
            assertThat(need).isCloseTo(judged.get(i).total(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(limit).isEqualTo(judged.get(i).limit().orElseThrow());
            double scale = Math.max(need, limit);
            assertThat(Double.parseDouble(svg.select("rect").last().attr("width")))
                    .isCloseTo(CapacityHtml.BAR * need / scale, org.assertj.core.data.Offset.offset(0.01));
        }
    }
}
