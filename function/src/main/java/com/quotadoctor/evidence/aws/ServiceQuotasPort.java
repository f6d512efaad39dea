package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.QuotaArn;
import com.quotadoctor.evidence.ListedQuota;
import com.quotadoctor.evidence.ListedRequest;
import com.quotadoctor.evidence.Requester;
import software.amazon.awssdk.services.servicequotas.model.RequestedServiceQuotaChange;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

import java.util.Optional;

/**
 * Service Quotas for service code {@code bedrock}: applied values, AWS defaults and the increase request
 * history, each a whole list in pages of 100 (the API's maximum), never a per-quota {@code Get}.
 */
final class ServiceQuotasPort {

    static final String BEDROCK = "bedrock";
    private static final int PAGE_SIZE = 100;
    /** 10,000 quotas or requests: far beyond any Bedrock catalogue, a guard against a runaway token. */
    private static final int MAX_PAGES = 100;

    private final AwsClients clients;

    ServiceQuotasPort(AwsClients clients) {
        this.clients = clients;
    }

    Pages.Listing<ListedQuota> applied(Access access, String region) {
        var client = clients.serviceQuotas(access, region);
        return clients.list(access, region, "ListServiceQuotas", MAX_PAGES, token -> {
            var page = client.listServiceQuotas(b -> b.serviceCode(BEDROCK).maxResults(PAGE_SIZE).nextToken(token));
            return new Pages.Page<>(page.quotas().stream().map(ServiceQuotasPort::listed).toList(), page.nextToken());
        });
    }

    Pages.Listing<ListedQuota> defaults(Access access, String region) {
        var client = clients.serviceQuotas(access, region);
        return clients.list(access, region, "ListAWSDefaultServiceQuotas", MAX_PAGES, token -> {
            var page = client.listAWSDefaultServiceQuotas(b -> b.serviceCode(BEDROCK).maxResults(PAGE_SIZE)
                    .nextToken(token));
            return new Pages.Page<>(page.quotas().stream().map(ServiceQuotasPort::listed).toList(), page.nextToken());
        });
    }

    /** The history AWS keeps (90 days), open and closed requests alike. */
    Pages.Listing<ListedRequest> requests(Access access, String region) {
        var client = clients.serviceQuotas(access, region);
        return clients.list(access, region, "ListRequestedServiceQuotaChangeHistory", MAX_PAGES, token -> {
            var page = client.listRequestedServiceQuotaChangeHistory(b -> b.serviceCode(BEDROCK).maxResults(PAGE_SIZE)
                    .nextToken(token));
            return new Pages.Page<>(page.requestedQuotas().stream().map(ServiceQuotasPort::listed).toList(),
                    page.nextToken());
        });
    }

    private static ListedQuota listed(ServiceQuota q) {
        return new ListedQuota(q.quotaCode(), Optional.ofNullable(q.quotaName()), Optional.ofNullable(q.serviceCode()),
                QuotaArn.parse(q.quotaArn()), Optional.ofNullable(q.value()), Optional.ofNullable(q.adjustable()));
    }

    private static ListedRequest listed(RequestedServiceQuotaChange r) {
        Requester requester = Requester.fromWire(r.requester());
        return new ListedRequest(r.id(), Optional.ofNullable(r.caseId()).filter(c -> !c.isBlank()),
                Optional.ofNullable(r.serviceCode()), r.quotaCode(), Optional.ofNullable(r.quotaName()),
                r.desiredValue() == null ? 0 : r.desiredValue(),
                r.statusAsString() == null ? "UNKNOWN" : r.statusAsString(), Optional.ofNullable(r.created()),
                Optional.ofNullable(r.lastUpdated()), QuotaArn.parse(r.quotaArn()), requester.accountId(),
                requester.callerArn());
    }
}
