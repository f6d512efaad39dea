package com.quotadoctor.fix.aws;

import com.quotadoctor.domain.AwsId;
import com.quotadoctor.domain.ServiceCode;
import com.quotadoctor.domain.Text;
import com.quotadoctor.evidence.aws.ResponseBound;
import com.quotadoctor.fix.QuotaDesk;
import com.quotadoctor.fix.QuotaState;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.RequestedServiceQuotaChange;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service Quotas for filing, with the standard AWS configuration: GetServiceQuota and GetAWSDefaultServiceQuota (the
 * value now, the default, adjustable), ListRequestedServiceQuotaChangeHistoryByQuota (its open requests),
 * ListRequestedServiceQuotaChangeHistory (the region's filings of the last 24 hours), RequestServiceQuotaIncrease.
 * Every response bounded, every call timed out; AWS's refusals propagate to the caller, which says them in one line.
 */
public final class ServiceQuotasDesk implements QuotaDesk, AutoCloseable {

    /** Statuses of a request AWS has not decided (Service Quotas API reference, RequestStatus). */
    private static final Set<String> OPEN = Set.of("PENDING", "CASE_OPENED");
    /** Statuses that end a request without an increase still to come. */
    private static final Set<String> ENDED = Set.of("DENIED", "CASE_CLOSED", "NOT_APPROVED", "INVALID_REQUEST");
    /** How long an approved value may take to apply (the deployment's default propagation window). */
    private static final Duration APPLYING = Duration.ofHours(24);
    /** Pages of the region's history read to count the last day's filings: newest first is not promised. */
    private static final int HISTORY_PAGES = 5;

    private final SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3))
            .socketTimeout(Duration.ofSeconds(10)).build();
    private final AwsCredentialsProvider credentials;
    private final Clock clock;
    private final Map<String, ServiceQuotasClient> clients = new ConcurrentHashMap<>();
    /**
     * The region's filings of the last day, read once per run and counted on as this desk files: the history is up to
     * five pages, and a quota is read twice around a person's yes, for every quota of the region.
     */
    private final Map<String, Integer> filedToday = new ConcurrentHashMap<>();

    public ServiceQuotasDesk(Clock clock) {
        this(DefaultCredentialsProvider.builder().build(), clock);
    }

    public ServiceQuotasDesk(AwsCredentialsProvider credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    private ServiceQuotasClient client(String region) {
        return clients.computeIfAbsent(region, r -> ServiceQuotasClient.builder().region(Region.of(r)).httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30))
                        .apiCallAttemptTimeout(Duration.ofSeconds(10)).addExecutionInterceptor(new ResponseBound()))
                .build());
    }

    @Override
    public QuotaState read(String quotaCode, String region) {
        ServiceQuotasClient sq = client(region);
        ServiceQuota dflt = sq.getAWSDefaultServiceQuota(b -> b.serviceCode(ServiceCode.BEDROCK).quotaCode(quotaCode)).quota();
        Optional<Double> applied;
        try {
            applied = Optional.ofNullable(sq.getServiceQuota(b -> b.serviceCode(ServiceCode.BEDROCK).quotaCode(quotaCode))
                    .quota()).map(ServiceQuota::value);
        } catch (NoSuchResourceException onlyTheDefault) {
            applied = Optional.empty();
        }
        List<QuotaState.OpenRequest> open = new ArrayList<>();
        double current = applied.or(() -> Optional.ofNullable(dflt.value())).orElse(0.0);
        Instant recent = clock.instant().minus(APPLYING);
        String token = null;
        do {
            String next = token;
            var page = sq.listRequestedServiceQuotaChangeHistoryByQuota(b -> b.serviceCode(ServiceCode.BEDROCK)
                    .quotaCode(quotaCode).maxResults(100).nextToken(next));
            for (RequestedServiceQuotaChange r : page.requestedQuotas()) {
                String status = String.valueOf(r.statusAsString());
                double desired = r.desiredValue() == null ? 0 : r.desiredValue();
                // undecided; or approved within a day and not applied yet (filing again would ask twice); or a status
                // newer than this code: each blocks a filing
                boolean applying = status.equals("APPROVED") && desired > current
                        && (r.lastUpdated() == null || r.lastUpdated().isAfter(recent));
                boolean unknown = !OPEN.contains(status) && !ENDED.contains(status) && !status.equals("APPROVED");
                if (OPEN.contains(status) || applying || unknown) {
                    open.add(new QuotaState.OpenRequest(AwsId.REQUEST_ID.require(r.id(), "Id"), applying
                            ? "APPROVED and not applied yet" : Text.oneLine(status, 40), desired,
                            Optional.ofNullable(r.caseId()).filter(AwsId.CASE_DISPLAY_ID::matches)));
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty() && open.isEmpty());
        return new QuotaState(Text.oneLine(Optional.ofNullable(dflt.quotaName()).orElse(quotaCode), 256), applied,
                Optional.ofNullable(dflt.value()), !Boolean.FALSE.equals(dflt.adjustable()), open, filedToday.computeIfAbsent(region, r -> filedToday(sq)));
    }

    private int filedToday(ServiceQuotasClient sq) {
        Instant since = clock.instant().minus(Duration.ofDays(1));
        int count = 0;
        String token = null;
        for (int pages = 0; pages < HISTORY_PAGES; pages++) {
            String next = token;
            var page = sq.listRequestedServiceQuotaChangeHistory(b -> b.serviceCode(ServiceCode.BEDROCK).maxResults(100)
                    .nextToken(next));
            count += (int) page.requestedQuotas().stream().filter(r -> r.created() != null && r.created().isAfter(since))
                    .count();
            token = page.nextToken();
            if (token == null || token.isEmpty()) {
                break;
            }
        }
        return count;
    }

    @Override
    public Filed file(String quotaCode, String region, double value) {
        RequestedServiceQuotaChange r = client(region).requestServiceQuotaIncrease(b -> b.serviceCode(ServiceCode.BEDROCK)
                .quotaCode(quotaCode).desiredValue(value)).requestedQuota();
        filedToday.merge(region, 1, Integer::sum);
        return new Filed(AwsId.REQUEST_ID.require(r.id(), "Id"), Text.oneLine(String.valueOf(r.statusAsString()), 40),
                Optional.ofNullable(r.caseId()).filter(AwsId.CASE_DISPLAY_ID::matches));
    }

    @Override
    public void close() {
        clients.values().forEach(ServiceQuotasClient::close);
        http.close();
    }
}
