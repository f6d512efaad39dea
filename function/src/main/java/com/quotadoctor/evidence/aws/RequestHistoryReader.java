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

    private final ServiceQuotasPort serviceQuotas;
    private final Access access;

    public RequestHistoryReader(AwsClients clients, AwsCredentialsProvider credentials) {
        this.serviceQuotas = new ServiceQuotasPort(clients);
        this.access = Access.home(credentials);
    }

    public RegionEvidence read(String region) {
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
                List.of(), List.of(), errors, Set.of(), readByCode).evidence();
    }
}
