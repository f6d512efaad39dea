package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.Operation;

import com.quotadoctor.domain.QuotaArn;
import com.quotadoctor.evidence.ListedQuota;
import com.quotadoctor.evidence.ListedRequest;
import com.quotadoctor.evidence.Requester;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.RequestedServiceQuotaChange;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

import java.util.Optional;

/**
 * Service Quotas for service code {@code bedrock}: applied values (the whole list, or the few quotas that govern
 * the calls one by one), AWS defaults and the increase request history, lists in pages of 100 (the API's maximum).
 */
final class ServiceQuotasPort {

    static final String BEDROCK = com.quotadoctor.domain.ServiceCode.BEDROCK;
    private static final int PAGE_SIZE = 100;
    /** 10,000 quotas or requests: far beyond any Bedrock catalogue, a guard against a runaway token. */
    private static final int MAX_PAGES = 100;

    private final AwsClients clients;

    ServiceQuotasPort(AwsClients clients) {
        this.clients = clients;
    }

    Pages.Listing<ListedQuota> applied(Access access, String region) {
        var client = clients.serviceQuotas(access, region);
        return clients.list(access, region, Operation.LIST_SERVICE_QUOTAS, MAX_PAGES, token -> {
            var page = client.listServiceQuotas(b -> b.serviceCode(BEDROCK).maxResults(PAGE_SIZE).nextToken(token));
            EmptyResponseException.requirePresent(page.hasQuotas(), Operation.LIST_SERVICE_QUOTAS, "Quotas");
            return new Pages.Page<>(page.quotas().stream().map(ServiceQuotasPort::listed).toList(), page.nextToken());
        });
    }

    /**
     * The applied values of these quotas, one {@code GetServiceQuota} each. A quota whose applied value AWS does not
     * keep is "not retrieved" (NoSuchResourceException: the exact error is not documented; it is the one the API
     * lists for an unknown resource): read, and at its default. Any other failure ends the reading with a gap;
     * what was read stays, the codes left are unread.
     */
    ByCode appliedByCode(Access access, String region, java.util.Collection<String> codes) {
        var client = clients.serviceQuotas(access, region);
        Pacer pacer = clients.pacer(access, region, GET);
        java.util.List<ListedQuota> quotas = new java.util.ArrayList<>();
        java.util.Set<String> read = new java.util.TreeSet<>();
        for (String code : codes) {
            try {
                pacer.take();
                var quota = client.getServiceQuota(b -> b.serviceCode(BEDROCK).quotaCode(code)).quota();
                EmptyResponseException.requirePresent(quota != null && quota.quotaCode() != null, GET, "Quota");
                quotas.add(listed(quota));
                read.add(code);
            } catch (NoSuchResourceException e) {
                read.add(code);
            } catch (RuntimeException e) {
                return new ByCode(new Pages.Listing<>(quotas, Optional.of(AwsFailure.gap(region, GET, access, e))), read);
            }
        }
        return new ByCode(new Pages.Listing<>(quotas, Optional.empty()), read);
    }

    static final Operation GET = Operation.GET_SERVICE_QUOTA;

    /** Applied values read by code, and the codes read (some have no applied value). */
    record ByCode(Pages.Listing<ListedQuota> listing, java.util.Set<String> read) {
    }

    Pages.Listing<ListedQuota> defaults(Access access, String region) {
        var client = clients.serviceQuotas(access, region);
        return clients.list(access, region, Operation.LIST_AWS_DEFAULT_SERVICE_QUOTAS, MAX_PAGES, token -> {
            var page = client.listAWSDefaultServiceQuotas(b -> b.serviceCode(BEDROCK).maxResults(PAGE_SIZE)
                    .nextToken(token));
            EmptyResponseException.requirePresent(page.hasQuotas(), Operation.LIST_AWS_DEFAULT_SERVICE_QUOTAS, "Quotas");
            return new Pages.Page<>(page.quotas().stream().map(ServiceQuotasPort::listed).toList(), page.nextToken());
        });
    }

    /** The history AWS keeps (90 days), open and closed requests alike. */
    Pages.Listing<ListedRequest> requests(Access access, String region) {
        var client = clients.serviceQuotas(access, region);
        return clients.list(access, region, Operation.LIST_REQUESTED_SERVICE_QUOTA_CHANGE_HISTORY, MAX_PAGES, token -> {
            var page = client.listRequestedServiceQuotaChangeHistory(b -> b.serviceCode(BEDROCK).maxResults(PAGE_SIZE)
                    .nextToken(token));
            EmptyResponseException.requirePresent(page.hasRequestedQuotas(), Operation.LIST_REQUESTED_SERVICE_QUOTA_CHANGE_HISTORY, "RequestedQuotas");
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
