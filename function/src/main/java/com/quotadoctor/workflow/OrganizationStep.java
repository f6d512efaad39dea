package com.quotadoctor.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.json.WireNode;
import com.quotadoctor.notification.Notification;
import com.quotadoctor.notification.NotificationJson;
import com.quotadoctor.notification.OrganizationDigest;
import com.quotadoctor.notification.SizeBudget;
import com.quotadoctor.organization.AccountDirectory;
import com.quotadoctor.organization.AccountFilter;
import com.quotadoctor.organization.AccountReport;
import com.quotadoctor.organization.MapRunResults;
import com.quotadoctor.organization.OrganizationReport;
import com.quotadoctor.organization.OrganizationReportJson;
import com.quotadoctor.organization.ResultsBucket;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The organisation sweep's two tasks around its Distributed Map. {@code accounts}: list the active member accounts and
 * write them where the map's ItemReader reads them (the list outgrows the workflow's 256 KiB state at about ten
 * thousand accounts). {@code reduce}: read what the map run wrote, set the accounts against each other, keep the whole
 * report next to the list, and hand Notify the digest.
 */
public final class OrganizationStep {

    /** Where a sweep's files live in the results bucket; the map's ResultWriter writes under {@link #RESULTS}. */
    public static final String SWEEPS = "sweeps/";
    public static final String RESULTS = "results/";
    /** Accounts listed in the workflow's state and the digest's machine copy; the S3 report lists all. */
    static final int LISTED_IN_STATE = 200;
    /** Room left under the state limit for what the workflow adds (the delivery stamp). */
    static final int STATE_BUDGET = SizeBudget.LIMIT - 16 * 1024;

    private static final Pattern SWEEP = Pattern.compile("^[A-Za-z0-9_-]{1,80}$");

    /**
     * The one situation every sweep claims: at most one sweep runs at a time, however many alarms fire (or are set by
     * hand, SetAlarmState) meanwhile. The claim lasts the sweep's own timeout and is given back when it reduces.
     */
    public static final String SWEEP_SITUATION = "organization-sweep";
    /** The sweep state machine's timeout: a claim its execution can't outlive. */
    public static final java.time.Duration SWEEP_TIMEOUT = java.time.Duration.ofHours(6);

    private final AccountDirectory directory;
    private final ResultsBucket bucket;
    private final AccountFilter filter;
    private final RunLedger runs;
    private final java.time.Clock clock;
    private final OrganizationDigest digest = new OrganizationDigest();

    public OrganizationStep(AccountDirectory directory, ResultsBucket bucket, AccountFilter filter) {
        this(directory, bucket, filter, RunLedger.NONE, java.time.Clock.systemUTC());
    }

    public OrganizationStep(AccountDirectory directory, ResultsBucket bucket, AccountFilter filter, RunLedger runs,
                            java.time.Clock clock) {
        this.directory = directory;
        this.bucket = bucket;
        this.filter = filter;
        this.runs = runs;
        this.clock = clock;
    }

    /** @throws ShapeException when the input names no known action or lacks what it needs */
    public ObjectNode run(String input) {
        WireNode in = WireNode.document("organization input", input);
        String action = in.field("action").requiredText();
        return switch (action) {
            case "accounts" -> accounts(sweep(in));
            case "reduce" -> reduce(sweep(in), in);
            default -> throw in.field("action").problem("expected 'accounts' or 'reduce', got '" + action + "'");
        };
    }

    private static String sweep(WireNode in) {
        String sweep = in.field("sweep").requiredText();
        if (!SWEEP.matcher(sweep).matches()) {
            throw in.field("sweep").problem("expected the execution's name (letters, digits, - and _), got '" + sweep + "'");
        }
        return sweep;
    }

    private ObjectNode accounts(String sweep) {
        java.time.Instant now = clock.instant();
        if (!runs.start(SWEEP_SITUATION, sweep, now, now.plus(SWEEP_TIMEOUT))) {
            ObjectNode busy = JsonTree.NODES.objectNode();
            busy.put("busy", "another organisation sweep is running; this one ends without sweeping (its findings "
                    + "will be that sweep's)");
            return busy;
        }
        List<String> accounts = directory.activeAccounts(filter);
        ArrayNode items = JsonTree.NODES.arrayNode();
        accounts.forEach(a -> items.addObject().put("memberAccount", a));
        String key = SWEEPS + sweep + "/accounts.json";
        bucket.write(key, JsonTree.compact(items));
        ObjectNode out = JsonTree.NODES.objectNode();
        out.put("key", key);
        out.put("count", accounts.size());
        return out;
    }

    private ObjectNode reduce(String sweep, WireNode in) {
        String listed = SWEEPS + sweep + "/accounts.json";
        WireNode details = in.field("results").field("ResultWriterDetails");
        String manifest = details.field("Key").requiredText();
        if (!manifest.startsWith(RESULTS)) {
            throw details.field("Key").problem("expected a key under " + RESULTS + ", got '" + manifest + "'");
        }
        List<String> accounts = WireNode.arrayDocument(listed, bucket.read(listed))
                .list(a -> a.field("memberAccount").requiredText());
        List<AccountReport> reports = MapRunResults.read(bucket, manifest, accounts);
        OrganizationReport report = OrganizationReport.of(reports);
        String reportKey = SWEEPS + sweep + "/report.json";
        bucket.write(reportKey, JsonTree.compact(OrganizationReportJson.write(report, Integer.MAX_VALUE)));
        runs.hold(SWEEP_SITUATION, clock.instant().minusSeconds(1)); // swept: lapsed, the next trigger may sweep
        Notification notification = digest.render(report);
        ObjectNode out = JsonTree.NODES.objectNode();
        out.put("verdict", "ORGANIZATION_SWEEP");
        out.put("fingerprint", report.fingerprint());
        out.set("notification", NotificationJson.write(notification));
        String where = "s3://" + in.field("results").field("ResultWriterDetails").field("Bucket").text().orElse("") + "/"
                + reportKey;
        // the workflow's state holds 256 KiB: fewer accounts listed until it fits (the report in S3 lists them all)
        for (int shown = LISTED_IN_STATE; ; shown /= 2) {
            ObjectNode organization = OrganizationReportJson.write(report, shown);
            organization.put("report", where);
            out.set("organization", organization);
            if (shown == 0 || SizeBudget.bytes(JsonTree.compact(out)) <= STATE_BUDGET) {
                return out;
            }
        }
    }
}
