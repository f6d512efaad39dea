package com.quotadoctor.organization;

import com.quotadoctor.domain.Text;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.json.WireNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads what a Distributed Map run wrote with its ResultWriter: the manifest ({@code ResultFiles} by status, each a
 * list of {@code {Key, Size}}), then each result file, a JSON array of child executions with their {@code Input} and
 * {@code Output} as JSON text (shapes from AWS's "ResultWriter (Map)" page, Step Functions Developer Guide). Every
 * account of the sweep becomes a report: its own, or, when its child execution failed or its output cannot be read,
 * an unreadable one naming why. One bad file costs its accounts, not the sweep.
 */
public final class MapRunResults {

    private MapRunResults() {
    }

    /**
     * @param manifestKey the {@code ResultWriterDetails.Key} the map state output
     * @param accounts    every account the sweep listed: one that no result file mentions is reported unreadable
     */
    public static List<AccountReport> read(ResultsBucket bucket, String manifestKey, List<String> accounts) {
        WireNode manifest = WireNode.document("map run manifest " + manifestKey, bucket.read(manifestKey));
        Map<String, AccountReport> reports = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        WireNode files = manifest.field("ResultFiles");
        for (String status : List.of("SUCCEEDED", "FAILED", "PENDING")) {
            for (String key : files.field(status).list(f -> f.field("Key").requiredText())) {
                try {
                    readFile(bucket, key, reports);
                } catch (RuntimeException e) {
                    problems.add(key + ": " + e.getMessage());
                }
            }
        }
        String missing = problems.isEmpty() ? "no result of its check was written"
                : "its check's result was in a file that could not be read (" + String.join("; ", problems) + ")";
        for (String account : accounts) {
            reports.computeIfAbsent(account, a -> AccountReport.unreadable(a, missing));
        }
        return List.copyOf(reports.values());
    }

    private static void readFile(ResultsBucket bucket, String key, Map<String, AccountReport> reports) {
        WireNode executions = WireNode.arrayDocument("map run result " + key, bucket.read(key));
        executions.list(Function.identity()).forEach(execution -> {
            AccountReport report;
            try {
                report = child(execution);
            } catch (ShapeException e) {
                // one malformed entry costs its own account (when its input names it), not the file's others
                report = AccountReport.unreadable(account(execution), "its check's result cannot be read: "
                        + Text.oneLine(e.getMessage(), 300));
            }
            reports.merge(report.account(), report, (old, fresh) -> old.unreadable().isPresent() ? fresh : old);
        });
    }

    /** One child execution: its output's report, or the failure of the account its input named. */
    private static AccountReport child(WireNode execution) {
        String account = account(execution);
        String status = execution.field("Status").text().orElse("UNKNOWN");
        if (!status.equals("SUCCEEDED")) {
            String error = execution.field("Error").text().orElse(status);
            String cause = execution.field("Cause").text().map(c -> ": " + Text.oneLine(c, 300)).orElse("");
            return AccountReport.unreadable(account, "its check " + status.toLowerCase(java.util.Locale.ROOT) + " ("
                    + error + cause + ")");
        }
        WireNode output = embedded(execution.field("Output"), "Output");
        WireNode report = output.field("accountReport").present() ? output.field("accountReport") : output;
        return AccountReportJson.read(report);
    }

    private static String account(WireNode execution) {
        WireNode input = embedded(execution.field("Input"), "Input");
        return input.field("memberAccount").requiredText();
    }

    /** {@code Input} and {@code Output} are JSON documents written as strings. */
    private static WireNode embedded(WireNode text, String what) {
        return WireNode.document(text.path() + " (" + what + ")", text.requiredText());
    }
}
