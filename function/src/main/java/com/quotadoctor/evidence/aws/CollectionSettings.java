package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.domain.AwsRegion;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How live evidence is collected: where, as whom, and how patiently.
 *
 * @param homeRegion        where the caller identity is read and roles are assumed
 * @param scanRegions       read in every diagnosis, besides the workload's own: approvals and failing
 *                          calls usually sit where nobody looked
 * @param roleArns          a read-only role per extra account, assumed once per collection
 * @param probe             make one minimal model call per workload region and model (off by default: it costs tokens)
 * @param failedCallWindow  how far back CloudTrail is searched for failed Bedrock calls
 * @param metricWindow      how far back per-minute metrics are read (covers the daily quota)
 * @param maxEventPages     CloudTrail pages read per region and account (50 events each, newest first)
 * @param maxAttempts       SDK attempts per call, with adaptive retry
 * @param attemptTimeout    one HTTP attempt
 * @param callTimeout       one API call, its retries included
 */
public record CollectionSettings(String homeRegion, List<String> scanRegions, List<String> roleArns, boolean probe,
                                 Duration failedCallWindow, Duration metricWindow, int maxEventPages, int maxAttempts,
                                 Duration attemptTimeout, Duration callTimeout, boolean quotasEverywhere,
                                 Duration runBudget) {

    /** Commercial regions where Bedrock serves models and that need no opt-in; more are configurable. */
    public static final List<String> BEDROCK_REGIONS = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
            "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1",
            "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1", "ap-southeast-2");

    private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$");

    public CollectionSettings {
        AwsRegion.require(homeRegion);
        scanRegions = scanRegions.stream().map(AwsRegion::require).distinct().toList();
        roleArns = List.copyOf(roleArns);
        for (String arn : roleArns) {
            if (!ROLE_ARN.matcher(arn).matches()) {
                throw new BadInputException("expected an IAM role ARN (arn:aws:iam::<account>:role/<name>), got '"
                        + arn + "'");
            }
        }
        if (runBudget.isNegative() || runBudget.isZero()) {
            throw new BadInputException("the run budget must be positive");
        }
        if (maxEventPages < 1 || maxAttempts < 1) {
            throw new BadInputException("maxEventPages and maxAttempts must be 1 or more");
        }
    }

    /**
     * How long one collection may take in all: under the Diagnose function's 120 s timeout, with room to diagnose and
     * answer. What is not read by then is a gap; everything read is kept.
     */
    public static final Duration DEFAULT_RUN_BUDGET = Duration.ofSeconds(100);

    public CollectionSettings withRunBudget(Duration budget) {
        return new CollectionSettings(homeRegion, scanRegions, roleArns, probe, failedCallWindow, metricWindow,
                maxEventPages, maxAttempts, attemptTimeout, callTimeout, quotasEverywhere, budget);
    }

    public static CollectionSettings defaults(String homeRegion) {
        return new CollectionSettings(homeRegion, BEDROCK_REGIONS, List.of(), false, Duration.ofHours(3),
                Duration.ofHours(24), 10, 5, Duration.ofSeconds(10), Duration.ofSeconds(60), false, DEFAULT_RUN_BUDGET);
    }

    public CollectionSettings withScanRegions(List<String> regions) {
        return new CollectionSettings(homeRegion, regions, roleArns, probe, failedCallWindow, metricWindow,
                maxEventPages, maxAttempts, attemptTimeout, callTimeout, quotasEverywhere, runBudget);
    }

    public CollectionSettings withRoles(List<String> roles) {
        return new CollectionSettings(homeRegion, scanRegions, roles, probe, failedCallWindow, metricWindow,
                maxEventPages, maxAttempts, attemptTimeout, callTimeout, quotasEverywhere, runBudget);
    }

    /** The shortest and longest look back: a throttle needs a minute's metric; a day is the metric window itself. */
    public static final Duration SHORTEST_LOOKBACK = Duration.ofMinutes(10);
    public static final Duration LONGEST_LOOKBACK = Duration.ofHours(24);

    /**
     * How far back failed calls (CloudTrail) and throttles (CloudWatch Metrics Insights) are searched; the per-minute
     * series stay a day long, as the daily quota needs.
     */
    public CollectionSettings withLookback(Duration lookback) {
        checkLookback(lookback);
        Duration metrics = metricWindow.compareTo(lookback) >= 0 ? metricWindow : lookback;
        return new CollectionSettings(homeRegion, scanRegions, roleArns, probe, lookback, metrics,
                maxEventPages, maxAttempts, attemptTimeout, callTimeout, quotasEverywhere, runBudget);
    }

    /** @return {@code lookback}, when within its bounds */
    public static Duration checkLookback(Duration lookback) {
        if (lookback.compareTo(SHORTEST_LOOKBACK) < 0 || lookback.compareTo(LONGEST_LOOKBACK) > 0) {
            throw new BadInputException("the look back must be between 10m and 24h, got "
                    + lookback.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
        }
        return lookback;
    }

    public CollectionSettings withProbe(boolean enabled) {
        return new CollectionSettings(homeRegion, scanRegions, roleArns, enabled, failedCallWindow, metricWindow,
                maxEventPages, maxAttempts, attemptTimeout, callTimeout, quotasEverywhere, runBudget);
    }

    public CollectionSettings withTimeouts(int attempts, Duration attempt, Duration call) {
        return new CollectionSettings(homeRegion, scanRegions, roleArns, probe, failedCallWindow, metricWindow,
                maxEventPages, attempts, attempt, call, quotasEverywhere, runBudget);
    }

    /**
     * Whether the whole quota catalogue (every applied value and default, listed) is read in every scanned region. By
     * default it is read only where it matters (the workload's regions, and regions whose history, CloudTrail or
     * metrics show a Bedrock request, a failing call or traffic of the models concerned), and there only the quotas
     * that govern those calls and requests, by code, when they can be named.
     */
    public CollectionSettings withQuotasEverywhere(boolean everywhere) {
        return new CollectionSettings(homeRegion, scanRegions, roleArns, probe, failedCallWindow, metricWindow,
                maxEventPages, maxAttempts, attemptTimeout, callTimeout, everywhere, runBudget);
    }

    /** The account a role belongs to. */
    static Optional<String> accountOf(String roleArn) {
        String[] parts = roleArn.split(":");
        return parts.length > 4 ? Optional.of(parts[4]) : Optional.empty();
    }
}
