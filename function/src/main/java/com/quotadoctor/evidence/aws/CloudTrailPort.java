package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.Operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.FailedCall;
import com.quotadoctor.json.JsonTree;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Bedrock calls that failed with a quota error, from CloudTrail event history: which region, account,
 * principal and model really failed. Newest first, 50 a page, a bounded number of pages.
 */
final class CloudTrailPort {

    static final String EVENT_SOURCE = "bedrock.amazonaws.com";
    private static final int PAGE_SIZE = 50;

    private final AwsClients clients;
    private final CollectionSettings settings;

    CloudTrailPort(AwsClients clients, CollectionSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    Pages.Listing<FailedCall> failedCalls(Access access, String region, Instant now) {
        var client = clients.cloudTrail(access, region);
        LookupAttribute bedrock = LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_SOURCE)
                .attributeValue(EVENT_SOURCE).build();
        Instant start = now.minus(settings.failedCallWindow());
        Pages.Listing<Event> events = clients.list(access, region, Operation.LOOKUP_EVENTS, settings.maxEventPages(), token -> {
            var page = client.lookupEvents(b -> b.lookupAttributes(bedrock).startTime(start).endTime(now)
                    .maxResults(PAGE_SIZE).nextToken(token));
            EmptyResponseException.requirePresent(page.hasEvents(), Operation.LOOKUP_EVENTS, "Events");
            return new Pages.Page<>(page.events(), page.nextToken());
        });
        List<FailedCall> failed = new ArrayList<>();
        int unreadable = 0;
        for (Event event : events.items()) {
            try {
                failedCall(event, region).ifPresent(failed::add);
            } catch (IOException | RuntimeException e) {
                unreadable++;
            }
        }
        Optional<EvidenceGap> gap = events.gap();
        if (gap.isEmpty() && unreadable > 0) {
            gap = Optional.of(EvidenceGap.in(region, Operation.LOOKUP_EVENTS.wireName(), "MalformedEvent", unreadable + " of "
                    + events.items().size() + " events had an unreadable CloudTrailEvent document", access.account()));
        }
        return new Pages.Listing<>(failed, gap);
    }

    private static Optional<FailedCall> failedCall(Event event, String region) throws IOException {
        JsonNode e = JsonTree.parse(event.cloudTrailEvent());
        String errorCode = text(e, "errorCode").orElse("");
        if (!com.quotadoctor.domain.ErrorSignal.isQuotaError(errorCode)) {
            return Optional.empty();
        }
        JsonNode request = e.path("requestParameters");
        return Optional.of(new FailedCall(time(event, e), text(e, "awsRegion").orElse(region),
                text(e, "eventName").orElse(Optional.ofNullable(event.eventName()).orElse("InvokeModel")),
                text(e, "recipientAccountId").or(() -> text(e.path("userIdentity"), "accountId")),
                text(e.path("userIdentity"), "arn"),
                text(request, "modelId").or(() -> text(request, "modelIdentifier")),
                errorCode, text(e, "errorMessage"), tier(request)));
    }

    /**
     * The tier the call asked for. AWS says the tier "is visible in API response and AWS CloudTrail Events" but shows
     * no bedrock-runtime event carrying it: read where the request names it (Converse's {@code serviceTier.type},
     * a plain {@code serviceTier}, mantle's {@code service_tier}), UNVERIFIED against a live event; anything else is
     * left out, so an unknown shape costs the tier, never the call.
     */
    private static Optional<String> tier(JsonNode request) {
        return text(request.path("serviceTier"), "type").or(() -> text(request, "serviceTier"))
                .or(() -> text(request, "service_tier"))
                .map(t -> t.toLowerCase(java.util.Locale.ROOT)).filter(com.quotadoctor.domain.FailedCall.TIERS::contains);
    }

    private static Instant time(Event event, JsonNode e) {
        try {
            return text(e, "eventTime").map(t -> OffsetDateTime.parse(t).toInstant())
                    .orElseGet(() -> Optional.ofNullable(event.eventTime()).orElseThrow());
        } catch (DateTimeParseException ex) {
            return Optional.ofNullable(event.eventTime()).orElseThrow(() -> ex);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText());
    }
}
