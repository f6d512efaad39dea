package com.quotadoctor.workflow;

import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.domain.AwsRegion;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.organization.AccountFilter;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's settings, read once at init from the environment the CDK app sets, and validated:
 * a wrong value fails the cold start with the variable's name, not the first diagnosis.
 *
 * @param homeRegion        the function's own region ({@code AWS_REGION})
 * @param workloadRegions   where the workloads run: diagnosed on schedule and when a trigger names no region
 * @param models            the models they invoke
 * @param scanRegions       read in every diagnosis besides the workload's (approvals hide elsewhere)
 * @param roleArns          read-only roles in other accounts
 * @param probe             whether to make the explicit-region retest call
 * @param propagationWindow how long an approved value may take to apply. Default 24 h: AWS documents no
 *                          time; reported cases take minutes to hours, and a day keeps the loop from
 *                          crying wolf while still escalating the same working day after
 * @param topicArn          where notifications go
 * @param tableName         the dedupe and watcher table
 * @param eventBus          where the watcher emits status changes
 * @param remember          how long an announced situation stays announced (the dedupe TTL)
 * @param memberRoleName    organisation mode: the read-only role every member account has under this one name
 * @param resultsBucket     organisation mode: where the sweep's map run writes its results
 * @param accountFilter     organisation mode: which member accounts a sweep reads
 */
public record Configuration(String homeRegion, List<String> workloadRegions, List<ModelId> models,
                            List<String> scanRegions, List<String> roleArns, boolean probe, Duration propagationWindow,
                            Optional<String> topicArn, Optional<String> tableName, String eventBus, Duration remember,
                            Optional<String> memberRoleName, Optional<String> resultsBucket, AccountFilter accountFilter) {

    public static final String PREFIX = "QUOTA_DOCTOR_";

    public static Configuration fromEnvironment(Map<String, String> env) {
        String home = variable(env, "AWS_REGION", () -> AwsRegion.require(env.getOrDefault("AWS_REGION", "us-east-1")));
        List<String> workload = variable(env, PREFIX + "WORKLOAD_REGIONS",
                () -> list(env, PREFIX + "WORKLOAD_REGIONS").stream().map(AwsRegion::require).toList());
        List<ModelId> models = variable(env, PREFIX + "MODELS",
                () -> list(env, PREFIX + "MODELS").stream().map(ModelId::parse).toList());
        List<String> scan = variable(env, PREFIX + "SCAN_REGIONS",
                () -> list(env, PREFIX + "SCAN_REGIONS").stream().map(AwsRegion::require).toList());
        List<String> roles = list(env, PREFIX + "ROLE_ARNS");
        boolean probe = variable(env, PREFIX + "PROBE", () -> bool(env.getOrDefault(PREFIX + "PROBE", "false")));
        Duration window = variable(env, PREFIX + "PROPAGATION_WINDOW",
                () -> positive(env.getOrDefault(PREFIX + "PROPAGATION_WINDOW", "PT24H")));
        Duration remember = variable(env, PREFIX + "DEDUPE_TTL",
                () -> positive(env.getOrDefault(PREFIX + "DEDUPE_TTL", "P7D")));
        return new Configuration(home, workload.isEmpty() ? List.of(home) : workload, models, scan, roles, probe, window,
                text(env, PREFIX + "TOPIC_ARN"), text(env, PREFIX + "TABLE_NAME"),
                text(env, PREFIX + "EVENT_BUS").orElse("default"), remember,
                variable(env, PREFIX + "MEMBER_ROLE_NAME", () -> text(env, PREFIX + "MEMBER_ROLE_NAME").map(Configuration::roleName)),
                text(env, PREFIX + "RESULTS_BUCKET"),
                variable(env, PREFIX + "ORGANIZATION_UNITS", () -> new AccountFilter(list(env, PREFIX + "ORGANIZATION_UNITS"),
                        list(env, PREFIX + "ACCOUNT_TAG").stream().findFirst())));
    }

    /**
     * The guided fix's rails ({@code QUOTA_DOCTOR_FIX_CEILING}: times the AWS default, {@code QUOTA_DOCTOR_FIX_PER_DAY}:
     * filings per region a day), read by the filing function only.
     */
    public static com.quotadoctor.fix.FilingRails filingRails(Map<String, String> env) {
        double ceiling = variable(env, PREFIX + "FIX_CEILING", () -> Double.parseDouble(env.getOrDefault(PREFIX
                + "FIX_CEILING", String.valueOf(com.quotadoctor.fix.FilingRails.DEFAULT.ceilingMultiple()))));
        int perDay = variable(env, PREFIX + "FIX_PER_DAY", () -> Integer.parseInt(env.getOrDefault(PREFIX + "FIX_PER_DAY",
                String.valueOf(com.quotadoctor.fix.FilingRails.DEFAULT.perDay()))));
        return variable(env, PREFIX + "FIX_CEILING", () -> new com.quotadoctor.fix.FilingRails(ceiling, perDay));
    }

    /** Where the Diagnose function keeps each diagnosis's HTML report ({@code QUOTA_DOCTOR_REPORTS_BUCKET}), if set. */
    public static Optional<String> reportsBucket(Map<String, String> env) {
        return text(env, PREFIX + "REPORTS_BUCKET");
    }

    /** For local runs: nothing deployed, the workload named by the event or the snapshot. */
    public static Configuration local() {
        return new Configuration("us-east-1", List.of(), List.of(), List.of(), List.of(), false, Duration.ofHours(24),
                Optional.empty(), Optional.empty(), "default", Duration.ofDays(7), Optional.empty(), Optional.empty(),
                AccountFilter.ALL);
    }

    /** The configured workload as a request: what a schedule diagnoses, and what fills in a trigger's blanks. */
    public DiagnosisRequest workload() {
        return DiagnosisRequest.empty().inRegions(workloadRegions).forModels(models);
    }

    /** An IAM role name (not a path or ARN): what {@code arn:aws:iam::<account>:role/<name>} completes. */
    private static String roleName(String name) {
        if (!name.matches("[\\w+=,.@-]{1,64}")) {
            throw new BadInputException("expected an IAM role name, e.g. QuotaDoctorMemberRole");
        }
        return name;
    }

    private static <T> T variable(Map<String, String> env, String name, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadInputException(name + "=" + env.get(name) + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(Map<String, String> env, String name) {
        return Arrays.stream(env.getOrDefault(name, "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static boolean bool(String text) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new BadInputException("expected true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private static Duration positive(String iso) {
        Duration d = Duration.parse(iso);
        if (d.isNegative() || d.isZero()) {
            throw new BadInputException("expected a positive ISO-8601 duration such as PT24H");
        }
        return d;
    }
}
