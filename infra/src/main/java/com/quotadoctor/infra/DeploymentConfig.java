package com.quotadoctor.infra;

import software.constructs.Node;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The deployment's settings, from {@code cdk.json} context or {@code -c key=value}, validated before anything
 * is synthesised: a wrong value stops {@code cdk synth} with the key's name and what it expects.
 *
 * @param homeRegion        where the workflow, the functions, the table and the topic live
 * @param workloadRegions   where the Bedrock workloads run: their throttle alarms, and a forwarding stack
 *                          for each one other than the home region
 * @param models            the model or inference profile ids the workloads invoke (alarms, probe scope)
 * @param email             optional e-mail subscription to the findings topic
 * @param watchSchedule     how often the request watcher sweeps (EventBridge schedule expression)
 * @param diagnoseSchedule  how often every configured workload is diagnosed regardless of triggers
 * @param propagationWindow how long an approved value may take to apply (ISO-8601; default PT24H)
 * @param memberRoleArns    read-only roles in other accounts the collector may assume
 * @param probe             allow the explicit-region retest call (bedrock:InvokeModel on the models)
 * @param createTrail       create a multi-region CloudTrail trail (EventBridge needs one for CloudTrail events)
 * @param homeAccount       for the member-account role stack: the account whose Diagnose function assumes it
 * @param clientErrorAlarms also alarm on InvocationClientErrors per configured model (off: it fires on any 4xx,
 *                          validation errors and access denied included)
 * @param alarmNamePrefixes the team's own alarms to diagnose, by name prefix, besides Quota Doctor's
 * @param chat              an Amazon Q Developer in chat applications (AWS Chatbot) channel for the findings
 * @param organizationId    for the member-account role: the AWS Organization both accounts belong to, required of the
 *                          principal assuming it ({@code aws:PrincipalOrgID}) besides its exact role ARN
 * @param names             the deployment's physical names: with {@code stage}, unique per stage in one account
 * @param reservedConcurrency reserved concurrency for Diagnose and Notify, only when asked ({@code reservedConcurrency}):
 *                          Lambda keeps 100 of an account's concurrency unreserved, so a new account (a limit as low
 *                          as 10) cannot reserve any
 * @param alarms            when a throttle alarm means a sustained problem (threshold, period, M of N)
 * @param guidedFix         file the plan's increases after a person approves ({@code guidedFix=true}); off by default
 */
public record DeploymentConfig(String homeRegion, List<String> workloadRegions, List<String> models,
                               Optional<String> email, String watchSchedule, String diagnoseSchedule,
                               Duration propagationWindow, List<String> memberRoleArns, boolean probe,
                               boolean createTrail, Optional<String> homeAccount, boolean clientErrorAlarms,
                               List<String> alarmNamePrefixes, Optional<ChatChannel> chat,
                               Optional<String> organizationId, Optional<Organization> organization, Names names,
                               Optional<Integer> reservedConcurrency, AlarmSettings alarms,
                               Optional<GuidedFix> guidedFix) {

    /**
     * The guided fix ({@code -c guidedFix=true}): a diagnosis whose plan files an increase waits for a person's
     * approval ({@code approvalHours}, default 24), then a dedicated function files it within the rails: never above
     * {@code fixCeiling} times the AWS default (default 10), at most {@code fixPerDay} filings per region a day (2).
     */
    public record GuidedFix(int approvalHours, int ceiling, int perDay) {
    }

    /**
     * A throttle alarm's rule: in ALARM when at least {@code datapointsToAlarm} of the last {@code evaluationPeriods}
     * periods of {@code periodSeconds} each count {@code threshold} throttles or more ("M out of N", CloudWatch User
     * Guide, alarm evaluation). The default, 5 throttles a minute in 3 of 5 minutes, is a sustained problem: one
     * throttled burst the SDK's retries absorb does not start a diagnosis. AWS's Bedrock operations sample alarms at more
     * than 5 throttles a minute for 5 minutes (aws-samples/sample-amazon-bedrock-ops-alert); 3 of 5 answers sooner and
     * still ignores a single spike.
     */
    public record AlarmSettings(int threshold, int periodSeconds, int evaluationPeriods, int datapointsToAlarm) {
    }

    /**
     * Organisation mode ({@code -c organization=true}), deployed in the management account or a delegated administrator:
     * the member role in every account under {@code units} by a service-managed StackSet, and a sweep over them.
     *
     * @param units          roots ({@code r-…}) or OUs ({@code ou-…}) the StackSet deploys to and the sweep reads
     * @param concurrency    accounts diagnosed at once (each account's own AWS rates hold whatever this is)
     * @param accountTag     only accounts carrying this tag ({@code key} or {@code key=value})
     * @param schedule       when the sweep runs
     * @param delegatedAdmin whether this account is a delegated administrator for StackSets (not the management account)
     */
    public record Organization(List<String> units, int concurrency, Optional<String> accountTag, String schedule,
                               boolean delegatedAdmin) {
    }

    /**
     * A Slack channel ({@code slackWorkspaceId} + {@code slackChannelId}) or a Microsoft Teams channel
     * ({@code teamsTenantId} + {@code teamsTeamId} + {@code teamsChannelId}), the workspace or team already
     * authorised in the Amazon Q Developer in chat applications console.
     */
    public record ChatChannel(String kind, java.util.Map<String, String> ids) {
    }

    private static final Pattern ALARM_NAME_PREFIX = Pattern.compile("^[\\w .:/#+=@-]{1,200}$");
    private static final Pattern MODEL_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\\d{0,12}:(foundation-model|inference-profile|application-inference-profile)/[a-zA-Z0-9.:_-]+$");

    /**
     * The regions the function accepts (its {@code AwsRegion}): a region it refuses must fail the synth, not the
     * function's cold start. {@code FunctionContractTest} holds the two lists together.
     */
    static final java.util.Set<String> KNOWN_REGIONS = java.util.Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "us-gov-east-1", "us-gov-west-1",
            "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
            "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "af-south-1",
            "ap-south-1", "ap-south-2", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2",
            "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "cn-north-1", "cn-northwest-1");
    /** The function's own bounds ({@code Settings}): held together by {@code FunctionContractTest}. */
    static final Duration SHORTEST_PROPAGATION_WINDOW = Duration.parse("PT1M");
    static final Duration LONGEST_PROPAGATION_WINDOW = Duration.parse("P14D");
    private static final Pattern MODEL = Pattern.compile("^([a-z-]+\\.)?[a-z0-9-]+\\.[a-zA-Z0-9.:_-]+$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern SCHEDULE = Pattern.compile("^(rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)|cron\\(.+\\))$");
    private static final Pattern ROLE = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$");

    public static DeploymentConfig from(Node context) {
        String home = text(context, "homeRegion").or(() -> Optional.ofNullable(System.getenv("CDK_DEFAULT_REGION")))
                .orElse("us-east-1");
        check(KNOWN_REGIONS.contains(home), "homeRegion", home, "a region name such as us-east-1");
        List<String> workload = list(context, "workloadRegions");
        workload.forEach(r -> check(KNOWN_REGIONS.contains(r), "workloadRegions", r, "region names such as us-west-2"));
        List<String> models = list(context, "models");
        models.forEach(m -> check(MODEL.matcher(m).matches() || MODEL_ARN.matcher(m).matches(), "models", m,
                "model or inference profile ids such as us.anthropic.claude-sonnet-4-5-20250929-v1:0, or their ARNs "
                        + "(foundation-model, inference-profile, application-inference-profile)"));
        Optional<String> email = text(context, "email");
        email.ifPresent(e -> check(EMAIL.matcher(e).matches(), "email", e, "an e-mail address"));
        String watch = text(context, "watchSchedule").orElse("rate(1 hour)");
        check(SCHEDULE.matcher(watch).matches(), "watchSchedule", watch, "rate(N minutes|hours|days) or cron(...)");
        String diagnose = text(context, "diagnoseSchedule").orElse("rate(1 day)");
        check(SCHEDULE.matcher(diagnose).matches(), "diagnoseSchedule", diagnose, "rate(N minutes|hours|days) or cron(...)");
        String windowText = text(context, "propagationWindow").orElse("PT24H");
        Duration window;
        try {
            window = Duration.parse(windowText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("context propagationWindow=" + windowText
                    + ": expected an ISO-8601 duration such as PT24H");
        }
        check(window.compareTo(SHORTEST_PROPAGATION_WINDOW) >= 0 && window.compareTo(LONGEST_PROPAGATION_WINDOW) <= 0,
                "propagationWindow", windowText, "a duration between " + SHORTEST_PROPAGATION_WINDOW + " and "
                        + LONGEST_PROPAGATION_WINDOW);
        List<String> roles = list(context, "memberRoleArns");
        roles.forEach(r -> check(ROLE.matcher(r).matches(), "memberRoleArns", r, "IAM role ARNs"));
        boolean probe = bool(context, "probe");
        check(!probe || !models.isEmpty(), "probe", "true", "models to be listed: the probe may invoke only those");
        Optional<String> homeAccount = text(context, "homeAccount");
        homeAccount.ifPresent(a -> check(a.matches("\\d{12}"), "homeAccount", a, "a 12-digit account id"));
        List<String> regions = workload.isEmpty() ? List.of(home) : workload;
        List<String> prefixes = list(context, "alarmNamePrefixes");
        prefixes.forEach(p -> check(ALARM_NAME_PREFIX.matcher(p).matches(), "alarmNamePrefixes", p,
                "alarm name prefixes (letters, digits, space and _ . : / # + = @ -)"));
        return new DeploymentConfig(home, regions, models, email, watch, diagnose, window, roles, probe,
                bool(context, "createTrail"), homeAccount, bool(context, "clientErrorAlarms"), prefixes, chat(context),
                organizationId(context), organization(context, diagnose), names(context),
                number(context, "reservedConcurrency", 1, 1000), alarms(context), guidedFix(context));
    }

    private static Names names(Node context) {
        Optional<String> stage = text(context, "stage");
        // a stage named like an alarm kind would make another deployment's alarm prefix a prefix of its own
        stage.ifPresent(s -> check(s.matches("^[a-z][a-z0-9]{0,11}$") && !s.equals("throttles") && !s.equals("client")
                && !s.equals("health"), "stage", s, "1 to 12 lower-case letters and digits, starting with a letter "
                + "(not throttles, client or health), e.g. dev or prod"));
        Optional<String> memberRole = text(context, "memberRoleName");
        memberRole.ifPresent(r -> check(r.matches("^[\\w+=,.@-]{1,64}$"), "memberRoleName", r, "an IAM role name"));
        return Names.of(stage, memberRole);
    }

    private static AlarmSettings alarms(Node context) {
        int period = number(context, "alarmPeriodSeconds", 10, 86_400).orElse(60);
        check(period == 10 || period == 30 || period % 60 == 0, "alarmPeriodSeconds", Integer.toString(period),
                "10, 30 or a multiple of 60 (CloudWatch's alarm periods)");
        int evaluation = number(context, "alarmEvaluationPeriods", 1, 100).orElse(5);
        int datapoints = number(context, "alarmDatapointsToAlarm", 1, 100).orElse(Math.min(3, evaluation));
        check(datapoints <= evaluation, "alarmDatapointsToAlarm", Integer.toString(datapoints),
                "at most alarmEvaluationPeriods (" + evaluation + ")");
        return new AlarmSettings(number(context, "alarmThreshold", 1, 1_000_000).orElse(5), period, evaluation, datapoints);
    }

    private static Optional<GuidedFix> guidedFix(Node context) {
        if (!bool(context, "guidedFix")) {
            return Optional.empty();
        }
        // Step Functions' task token timeout is at most a year; a person answers within days or not at all
        return Optional.of(new GuidedFix(number(context, "approvalHours", 1, 24 * 14).orElse(24),
                number(context, "fixCeiling", 1, 1000).orElse(10), number(context, "fixPerDay", 1, 20).orElse(2)));
    }

    private static Optional<Integer> number(Node context, String key, int least, int most) {
        Object raw = context.tryGetContext(key);
        // cdk.json numbers may reach Java as doubles (jsii): 5.0 is 5
        Optional<String> given = raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? Optional.of(Long.toString(n.longValue())) : text(context, key);
        return given.map(t -> {
            check(t.matches("\\d{1,9}") && Integer.parseInt(t) >= least && Integer.parseInt(t) <= most, key, t,
                    "a whole number from " + least + " to " + most);
            return Integer.parseInt(t);
        });
    }

    private static Optional<String> organizationId(Node context) {
        Optional<String> id = text(context, "organizationId");
        id.ifPresent(o -> check(o.matches("^o-[a-z0-9]{10,32}$"), "organizationId", o, "an AWS Organizations id (o-…)"));
        return id;
    }

    private static Optional<Organization> organization(Node context, String defaultSchedule) {
        if (!bool(context, "organization")) {
            return Optional.empty();
        }
        check(organizationId(context).isPresent(), "organizationId", "", "the organisation's id (o-…) with "
                + "organization=true: the member role trusts the hub only from inside it");
        List<String> units = list(context, "organizationUnits");
        check(!units.isEmpty(), "organizationUnits", "", "the root (r-…) or OUs (ou-…) to deploy the member role to and "
                + "sweep, with organization=true");
        units.forEach(u -> check(u.matches("^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$"), "organizationUnits",
                u, "a root id (r-…) or OU id (ou-…-…)"));
        String concurrencyText = text(context, "organizationConcurrency").orElse("10");
        check(concurrencyText.matches("\\d{1,4}") && Integer.parseInt(concurrencyText) >= 1
                && Integer.parseInt(concurrencyText) <= 1000, "organizationConcurrency", concurrencyText, "1 to 1000");
        Optional<String> tag = text(context, "accountTag");
        tag.ifPresent(t -> check(t.matches("^[\\w .:/=+@-]{1,256}$"), "accountTag", t, "a tag key or key=value"));
        String schedule = text(context, "organizationSchedule").orElse(defaultSchedule);
        check(SCHEDULE.matcher(schedule).matches(), "organizationSchedule", schedule, "rate(N minutes|hours|days) or cron(...)");
        return Optional.of(new Organization(units, Integer.parseInt(concurrencyText), tag, schedule,
                bool(context, "delegatedAdmin")));
    }

    /** At most one chat channel, given whole: a half-configured one stops the synth naming what is missing. */
    private static Optional<ChatChannel> chat(Node context) {
        java.util.Map<String, String> slack = ids(context, "slackWorkspaceId", "slackChannelId");
        java.util.Map<String, String> teams = ids(context, "teamsTenantId", "teamsTeamId", "teamsChannelId");
        check(slack.isEmpty() || teams.isEmpty(), "slackWorkspaceId", slack.values().iterator().hasNext()
                ? slack.values().iterator().next() : "", "one chat channel: Slack or Microsoft Teams, not both");
        if (!slack.isEmpty()) {
            complete(slack, "slackWorkspaceId", "slackChannelId");
            check(slack.get("slackWorkspaceId").matches("^[0-9A-Z]{1,255}$"), "slackWorkspaceId",
                    slack.get("slackWorkspaceId"), "the workspace id Amazon Q Developer shows (e.g. T0123ABCD)");
            check(slack.get("slackChannelId").matches("^[A-Za-z0-9]{1,255}$"), "slackChannelId",
                    slack.get("slackChannelId"), "the channel id (e.g. C0123ABCD)");
            return Optional.of(new ChatChannel("slack", slack));
        }
        if (!teams.isEmpty()) {
            complete(teams, "teamsTenantId", "teamsTeamId", "teamsChannelId");
            teams.forEach((key, value) -> check(value.matches("^[\\w:%@.-]{1,256}$"), key, value,
                    "the id the Teams channel link holds"));
            return Optional.of(new ChatChannel("teams", teams));
        }
        return Optional.empty();
    }

    private static java.util.Map<String, String> ids(Node context, String... keys) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String key : keys) {
            text(context, key).ifPresent(v -> out.put(key, v));
        }
        return out;
    }

    private static void complete(java.util.Map<String, String> given, String... keys) {
        for (String key : keys) {
            check(given.containsKey(key), key, "(missing)", "it too: " + String.join(", ", keys) + " go together");
        }
    }

    /** Workload regions other than the home region: each gets a forwarding stack. */
    public List<String> remoteRegions() {
        return workloadRegions.stream().filter(r -> !r.equals(homeRegion)).toList();
    }

    private static void check(boolean ok, String key, String value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("context " + key + "=" + value + ": expected " + expected);
        }
    }

    private static Optional<String> text(Node context, String key) {
        Object value = context.tryGetContext(key);
        return value == null ? Optional.empty() : Optional.of(value.toString().trim()).filter(s -> !s.isEmpty());
    }

    /** A JSON list in cdk.json, or a comma-separated string from {@code -c key=a,b}. */
    private static List<String> list(Node context, String key) {
        Object value = context.tryGetContext(key);
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> items) {
            items.forEach(i -> out.add(String.valueOf(i).trim()));
        } else if (value != null) {
            out.addAll(Arrays.asList(value.toString().split(",")));
        }
        return out.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static boolean bool(Node context, String key) {
        Object value = context.tryGetContext(key);
        if (value == null) {
            return false;
        }
        String text = value.toString().trim();
        check(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"), key, text, "true or false");
        return Boolean.parseBoolean(text);
    }
}
