package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.RegionEvidence;
import com.quotadoctor.evidence.ListedQuota;
import com.quotadoctor.evidence.ListedRequest;
import com.quotadoctor.evidence.RegionCapture;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the request watcher reads in a region: the request history, and the applied values only where there
 * is a request to compare them with (most regions have none: their 1,000-quota catalogue is not read); there, the
 * requests' quotas one by one when they are fewer than the list's pages, else the list.
 */
public final class RequestHistoryReader {

    /** Pages of ListServiceQuotas for Bedrock: 1,100+ quotas in every commercial region (the catalogue fixture). */
    private static final int CATALOGUE_PAGES = 11;

    /** Assumed-role credentials last 15 minutes: taken again after 10, so a sweep never starts on stale ones. */
    private static final java.time.Duration REASSUME = java.time.Duration.ofMinutes(10);

    private final ServiceQuotasPort serviceQuotas;
    private final Access home;
    private final IdentityPort identity;
    private final List<String> roleArns;
    private final Map<String, Assumed> assumed = new java.util.concurrent.ConcurrentHashMap<>();

    private record Assumed(Optional<Access> access, Optional<com.quotadoctor.domain.EvidenceGap> gap, long at) {
    }

    public RequestHistoryReader(AwsClients clients, AwsCredentialsProvider credentials) {
        this(clients, credentials, "us-east-1", List.of());
    }

    /** Reads the home account and, through each read-only role, each member account. */
    public RequestHistoryReader(AwsClients clients, AwsCredentialsProvider credentials, String homeRegion,
                                List<String> roleArns) {
        this.serviceQuotas = new ServiceQuotasPort(clients);
        this.home = Access.home(credentials);
        this.identity = new IdentityPort(clients, homeRegion);
        this.roleArns = List.copyOf(roleArns);
    }

    /** The region in every account read: each account's requests and applied values, its failures its own gaps. */
    public RegionEvidence read(String region) {
        RegionCapture all = read(home, region);
        for (String role : roleArns) {
            Assumed a = assumed.compute(role, (k, old) -> old != null && System.nanoTime() - old.at() < REASSUME.toNanos()
                    ? old : assume(role));
            RegionCapture member = a.access().map(access -> read(access, region))
                    .orElseGet(() -> new RegionCapture(region, Set.of(), List.of(), List.of(), List.of(), List.of(),
                            List.of(), List.of(), List.of(), List.of(a.gap().orElseThrow())));
            all = all.plus(member);
        }
        return all.evidence();
    }

    private Assumed assume(String role) {
        try {
            return new Assumed(Optional.of(identity.assume(home, role)), Optional.empty(), System.nanoTime());
        } catch (RuntimeException e) {
            com.quotadoctor.domain.EvidenceGap gap = AwsFailure.accountWide(com.quotadoctor.domain.Operation.ASSUME_ROLE,
                    new Access(CollectionSettings.accountOf(role), home.credentials()), e);
            // kept as long as a success would be: one refused call per sweep, not one per region
            return new Assumed(Optional.empty(), Optional.of(gap.withMessage("cannot assume " + role + ": " + gap.message())),
                    System.nanoTime());
        }
    }

    private RegionCapture read(Access access, String region) {
        var requests = serviceQuotas.requests(access, region);
        Set<String> codes = new TreeSet<>();
        requests.items().stream().filter(ListedRequest::isBedrock).forEach(r -> codes.add(r.quotaCode()));
        Set<String> readByCode = Set.of();
        Pages.Listing<ListedQuota> applied;
        if (codes.isEmpty()) {
            applied = new Pages.Listing<>(List.of(), Optional.empty());
        } else if (codes.size() < CATALOGUE_PAGES) {
            ServiceQuotasPort.ByCode read = serviceQuotas.appliedByCode(access, region, codes);
            applied = read.listing();
            readByCode = read.read();
        } else {
            applied = serviceQuotas.applied(access, region);
        }
        var collected = EnumSet.noneOf(EvidenceSection.class);
        List<com.quotadoctor.domain.EvidenceGap> errors = new ArrayList<>();
        requests.gap().ifPresent(errors::add);
        applied.gap().ifPresent(errors::add);
        if (requests.complete() || !requests.items().isEmpty()) {
            collected.add(EvidenceSection.REQUESTED_CHANGES);
        }
        if (!requests.items().isEmpty() && (applied.complete() || !applied.items().isEmpty())) {
            collected.add(EvidenceSection.SERVICE_QUOTAS);
        }
        return new RegionCapture(region, collected, applied.items(), List.of(), requests.items(), List.of(), List.of(),
                List.of(), List.of(), errors, Set.of(), readByCode);
    }
}
