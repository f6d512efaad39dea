package com.quotadoctor.cli;

import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.aws.CollectionSettings;
import com.quotadoctor.evidence.aws.StandardAws;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How live evidence is collected, as flags: shared by {@code diagnose} (without a snapshot) and {@code capture}.
 * Credentials, region and endpoints come from the standard AWS SDK configuration.
 */
final class CollectionOptions {

    @Option(names = "--scan-region", paramLabel = "REGION",
            description = "Region to read besides the workload's (repeatable; default: the 17 Bedrock regions that need no opt-in).")
    List<String> scanRegions = new ArrayList<>();

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "Read-only role to assume in another account (repeatable).")
    List<String> roleArns = new ArrayList<>();

    @Option(names = "--probe",
            description = "Also make one minimal model call (1 output token) per workload region and model.")
    boolean probe;

    @Option(names = "--no-cache",
            description = "Read each region's default quota catalogue from AWS even if the one kept in the user's cache "
                    + "directory ($XDG_CACHE_HOME/quota-doctor, else ~/.cache/quota-doctor; kept a day) is fresh.")
    boolean noCache;

    @Option(names = "--all-quotas",
            description = "Read every quota (applied values and defaults, listed in full) in every scanned region, "
                    + "not only the few that govern the calls where they fail: a complete capture for a support hand-off.")
    boolean allQuotas;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "The named profile to use, as AWS_PROFILE (the AWS config and credentials files in ~/.aws).")
    String profile;

    @Option(names = "--lookback", paramLabel = "DURATION",
            description = "How far back failed calls (CloudTrail) and throttles (CloudWatch) count, 10m to 24h, "
                    + "e.g. 90m, 6h (default: 3h).")
    String lookback;

    @Option(names = "--home-region", paramLabel = "REGION",
            description = "Where STS is called (default: the SDK's configured region, else us-east-1).")
    String homeRegion;

    Capture collect(DiagnosisRequest request) {
        try (TerminalProgress progress = TerminalProgress.onStandardError()) {
            return StandardAws.collect(settings(), request, !noCache, progress);
        }
    }

    /**
     * A run that read nothing at all (no network, an endpoint that never answers, every region refused) is not a
     * diagnosis: one line naming where and why, exit 2, as {@code capture} does. A partial read stays a diagnosis
     * with its gaps.
     */
    static void requireSomethingRead(Capture capture, String after) {
        if (capture.regions().values().stream().allMatch(r -> r.collected().isEmpty())) {
            throw new BadInputException("nothing could be read (" + capture.evidence().allGaps().stream().findFirst()
                    .map(g -> g.where() + ": " + g.code() + " " + g.message()).orElse("no region collected") + ")" + after);
        }
    }

    CollectionSettings settings() {
        if (profile != null) {
            if (!profile.matches("[\\w.+@-]{1,128}")) {
                throw new BadInputException("--profile: not a profile name: '" + profile + "'");
            }
            // the SDK's profile setting: credentials and the configured region both follow it, as with AWS_PROFILE
            System.setProperty("aws.profile", profile);
        }
        CollectionSettings home = flag("--home-region", () -> CollectionSettings.defaults(home()));
        CollectionSettings scanned = flag("--scan-region", () -> home.withScanRegions(scanRegions.isEmpty()
                ? CollectionSettings.BEDROCK_REGIONS : scanRegions));
        CollectionSettings roles = flag("--role-arn", () -> scanned.withRoles(roleArns));
        CollectionSettings back = lookback == null ? roles : roles.withLookback(lookback());
        return back.withProbe(probe).withQuotasEverywhere(allQuotas);
    }

    /** The diagnosis judging what was collected: throttles count as current as far back as they were searched. */
    com.quotadoctor.diagnosis.Diagnostician diagnostician() {
        com.quotadoctor.diagnosis.Settings settings = com.quotadoctor.diagnosis.Settings.defaults();
        return new com.quotadoctor.diagnosis.Diagnostician(com.quotadoctor.diagnosis.DiagnosisRules.all(),
                lookback == null ? settings : settings.withRecentWindow(lookback()));
    }

    /** The flag as a duration; a bad shape or bound is said at the flag. */
    private java.time.Duration lookback() {
        return flag("--lookback", this::parsedLookback);
    }

    private java.time.Duration parsedLookback() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{1,5})([mhd])$").matcher(lookback.trim());
        if (!m.matches()) {
            throw new BadInputException("expected up to 5 digits and m, h or d (90m, 6h, 1d), got '"
                    + com.quotadoctor.domain.Text.oneLine(lookback, 40) + "'");
        }
        long n = Long.parseLong(m.group(1));
        java.time.Duration d = switch (m.group(2)) {
            case "m" -> java.time.Duration.ofMinutes(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofDays(n);
        };
        return CollectionSettings.checkLookback(d);
    }

    /** Runs a validation, naming the flag in its complaint. */
    private static <T> T flag(String name, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + ": " + e.getMessage(), e);
        }
    }

    private String home() {
        return homeRegion != null ? homeRegion : StandardAws.configuredRegion().orElse("us-east-1");
    }
}
