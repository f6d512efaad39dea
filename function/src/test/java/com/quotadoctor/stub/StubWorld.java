package com.quotadoctor.stub;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.evidence.aws.CollectionSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The situation Quota Doctor exists for, in a stub account: an increase for Claude Sonnet 4.5 cross-region
 * tokens per minute approved and applied in us-east-1, while the calls that fail run in us-west-2.
 */
public final class StubWorld {

    public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String HOME = "111122223333";
    public static final String MEMBER = "444455556666";
    public static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    public static final String QUOTA_NAME = "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1";
    public static final String QUOTA_CODE = StubCatalogue.code(QUOTA_NAME);
    public static final String APPROVED_IN = "us-east-1";
    public static final String FAILING_IN = "us-west-2";
    public static final int REQUESTS = 130;
    public static final int SUCCESSFUL_CALLS = 100;
    public static final int FAILED_CALLS = 30;

    private StubWorld() {
    }

    /** The home account with a full catalogue in each region, and the misaligned approval. */
    public static StubAccount home(List<String> regions) {
        return home(regions, NOW);
    }

    /** The same account, its events and metrics dated relative to {@code now}. */
    public static StubAccount home(List<String> regions, Instant now) {
        StubAccount home = StubAccount.home(HOME);
        regions.forEach(r -> StubCatalogue.fill(home.region(r)));
        List.of(APPROVED_IN, FAILING_IN).stream().filter(r -> !regions.contains(r))
                .forEach(r -> StubCatalogue.fill(home.region(r)));
        StubAccount.RegionData east = home.region(APPROVED_IN);
        east.applied(QUOTA_CODE, 2_000_000);
        east.request("req-approved", QUOTA_CODE, QUOTA_NAME, 2_000_000, "APPROVED", now.minus(Duration.ofDays(3)),
                now.minus(Duration.ofDays(2)));
        // 90 days of other requests: enough history for more than one page
        for (int i = 1; i < REQUESTS; i++) {
            String name = String.format("On-demand model inference requests per minute for %s",
                    StubCatalogue.MODELS.get(i % StubCatalogue.MODELS.size()));
            east.request("req-" + i, StubCatalogue.code(name), name, 500, i % 3 == 0 ? "DENIED" : "CASE_CLOSED",
                    now.minus(Duration.ofDays(90 - i * 80L / REQUESTS)), now.minus(Duration.ofDays(89 - i * 80L / REQUESTS)));
        }
        StubAccount.RegionData west = home.region(FAILING_IN);
        for (int i = 0; i < SUCCESSFUL_CALLS; i++) {
            west.call(now.minus(Duration.ofMinutes(100 - i)), "Converse", MODEL, null, null);
        }
        throttled(west, FAILED_CALLS, now);
        return home;
    }

    /** {@code failed} throttled calls of {@link #MODEL} in the last half hour, and an hour of its throttled traffic. */
    private static void throttled(StubAccount.RegionData where, int failed, Instant now) {
        for (int i = 0; i < failed; i++) {
            where.call(now.minus(Duration.ofMinutes(30 - i)), "Converse", MODEL, "ThrottlingException",
                    "Too many tokens, please wait before trying again.");
        }
        for (int minute = 1; minute <= 60; minute++) {
            Instant t = now.minus(Duration.ofMinutes(minute));
            where.metric(MODEL, "Invocations", t, 40);
            where.metric(MODEL, "InvocationThrottles", t, 6);
            where.metric(MODEL, "InputTokenCount", t, 150_000);
            where.metric(MODEL, "OutputTokenCount", t, 12_000);
        }
    }

    /** A member account that raised the governing quota in {@code region} (approved and applied), and calls nothing. */
    public static StubAccount raisedMember(String id, String region, Instant now) {
        StubAccount a = StubAccount.member(id);
        StubCatalogue.fill(a.region(region));
        a.region(region).applied(QUOTA_CODE, 2_000_000).request("req-" + id, QUOTA_CODE, QUOTA_NAME, 2_000_000, "APPROVED",
                now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
        return a;
    }

    /** A member account whose calls of {@link #MODEL} in {@code region} are throttled, with no request of its own. */
    public static StubAccount failingMember(String id, String region, Instant now) {
        StubAccount b = StubAccount.member(id);
        StubCatalogue.fill(b.region(region));
        throttled(b.region(region), 20, now);
        return b;
    }

    public static DiagnosisRequest request() {
        return new DiagnosisRequest(Optional.of(HOME), List.of(FAILING_IN), List.of(ModelId.parse(MODEL)),
                Optional.empty(), Optional.empty(), new ErrorSignal(Optional.of("ThrottlingException"),
                Optional.of("Too many tokens, please wait before trying again.")), 1, Optional.empty());
    }

    public static CollectionSettings settings(List<String> regions) {
        return CollectionSettings.defaults(APPROVED_IN).withScanRegions(regions)
                .withTimeouts(3, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
