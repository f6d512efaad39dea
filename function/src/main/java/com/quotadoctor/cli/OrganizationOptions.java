package com.quotadoctor.cli;

import com.quotadoctor.domain.AccountId;
import com.quotadoctor.diagnosis.Diagnostician;
import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.evidence.Capture;
import com.quotadoctor.evidence.Snapshot;
import com.quotadoctor.evidence.SnapshotReader;
import com.quotadoctor.evidence.aws.StandardAws;
import com.quotadoctor.organization.AccountFilter;
import com.quotadoctor.organization.AccountReport;
import com.quotadoctor.organization.OrganizationReport;
import com.quotadoctor.organization.aws.OrganizationsDirectory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Organisation mode, as flags: every active member account of the caller's AWS Organization (a management-account or
 * delegated administrator user), each read alone through its member role, a few at once, then set against each
 * other as the deployed sweep does.
 */
final class OrganizationOptions {

    /** The role organisation mode's StackSet deploys in every member account. */
    static final String MEMBER_ROLE = "quota-doctor-read";

    @Option(names = "--organization",
            description = "Every active account of the organisation, through its member role (--member-role-name), "
                    + "and the accounts set against each other: an increase in one account, the failing calls in another. "
                    + "With --snapshot, a directory of per-account snapshots (capture --organization writes one).")
    boolean enabled;

    @Option(names = "--organization-unit", paramLabel = "ID",
            description = "Only accounts under this root (r-...) or OU (ou-...), nested OUs included (repeatable).")
    List<String> units = new ArrayList<>();

    @Option(names = "--account-tag", paramLabel = "TAG", description = "Only accounts carrying this tag: key or key=value.")
    String accountTag;

    @Option(names = "--member-role-name", paramLabel = "NAME", defaultValue = MEMBER_ROLE,
            description = "The read-only role every member account has (default: ${DEFAULT-VALUE}).")
    String roleName;

    @Option(names = "--accounts-in-flight", paramLabel = "N", defaultValue = "4",
            description = "Accounts read at once, 1 to 64 (default: ${DEFAULT-VALUE}); AWS's rates are per account, "
                    + "so this bounds this process's threads, not any account's rate.")
    int inFlight;

    AccountFilter filter() {
        try {
            return new AccountFilter(units, Optional.ofNullable(accountTag));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--organization-unit: " + e.getMessage(), e);
        }
    }

    private void check() {
        if (inFlight < 1 || inFlight > 64) {
            throw new BadInputException("--accounts-in-flight: expected 1 to 64, got " + inFlight);
        }
        if (!roleName.matches("[\\w+=,.@-]{1,64}")) {
            throw new BadInputException("--member-role-name: not an IAM role name: '" + roleName + "'");
        }
    }

    /** Every member account's capture, live. */
    Map<String, Capture> collect(CollectionOptions collection, DiagnosisRequest request) {
        check();
        var settings = collection.settings();
        List<String> accounts = OrganizationsDirectory.standard(settings.homeRegion(), filter());
        if (accounts.isEmpty()) {
            throw new BadInputException("the organisation lists no active account"
                    + (units.isEmpty() && accountTag == null ? "" : " under those units and tag"));
        }
        try (TerminalProgress progress = TerminalProgress.onStandardError("accounts")) {
            return StandardAws.collectMembers(settings, request, accounts, roleName, inFlight, !collection.noCache, progress);
        }
    }

    /** Each account's diagnosis, reduced to the organisation's report. */
    static OrganizationReport reduce(Map<String, Snapshot> snapshots, java.util.function.UnaryOperator<DiagnosisRequest> flags) {
        Diagnostician diagnostician = Diagnostician.standard();
        List<AccountReport> reports = new ArrayList<>();
        snapshots.forEach((account, snapshot) -> {
            DiagnosisRequest request = flags.apply(snapshot.request());
            reports.add(AccountReport.of(account, diagnostician.judge(request, snapshot.evidence())));
        });
        return OrganizationReport.of(reports);
    }

    /** A directory of per-account snapshots: the account is each snapshot's caller, else its file name. */
    static Map<String, Snapshot> snapshots(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new BadInputException("--snapshot with --organization: expected a directory of per-account snapshots, got "
                    + directory);
        }
        Map<String, Snapshot> out = new java.util.TreeMap<>();
        Map<String, Path> origin = new java.util.HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                Snapshot snapshot = new SnapshotReader().read(file);
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                String account = snapshot.evidence().callerAccount().orElse(name);
                if (!AccountId.isValid(account)) {
                    throw new BadInputException(file + ": names no account (no caller identity, and the file name is not "
                            + "a 12-digit account id)");
                }
                // one snapshot per account: a second would silently replace the first, and the report undercount
                Path first = origin.get(account);
                if (first != null) {
                    throw new BadInputException(file + ": account " + account + " again (also in " + first
                            + "); one snapshot per account");
                }
                out.put(account, snapshot);
                origin.put(account, file);
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read " + directory + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new BadInputException(directory + " holds no snapshot (*.json)");
        }
        return out;
    }
}
