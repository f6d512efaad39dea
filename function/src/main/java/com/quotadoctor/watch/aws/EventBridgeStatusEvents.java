package com.quotadoctor.watch.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.domain.LoweredQuota;
import com.quotadoctor.json.JsonTree;
import com.quotadoctor.watch.StatusChange;
import com.quotadoctor.watch.StatusEvents;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Emits "Bedrock Quota Request Status Change" and "Bedrock Quota Value Lowered" events, ten to a PutEvents call (the API's limit). */
public final class EventBridgeStatusEvents implements StatusEvents {

    public static final String SOURCE = "quota-doctor";
    public static final String DETAIL_TYPE = "Bedrock Quota Request Status Change";
    public static final String LOWERED_DETAIL_TYPE = "Bedrock Quota Value Lowered";
    private static final int BATCH = 10;

    private final EventBridgeClient events;
    private final String bus;

    public EventBridgeStatusEvents(EventBridgeClient events, String bus) {
        this.events = events;
        this.bus = bus;
    }

    @Override
    public List<StatusChange> emit(List<StatusChange> changes) {
        return put(changes, c -> PutEventsRequestEntry.builder().source(SOURCE).detailType(DETAIL_TYPE)
                .eventBusName(bus).time(c.observedAt()).detail(JsonTree.compact(detail(c))).build());
    }

    @Override
    public List<LoweredQuota> emitLowered(List<LoweredQuota> lowered) {
        return put(lowered, l -> PutEventsRequestEntry.builder().source(SOURCE).detailType(LOWERED_DETAIL_TYPE)
                .eventBusName(bus).time(l.observedAt()).detail(JsonTree.compact(detail(l))).build());
    }

    private <T> List<T> put(List<T> items, java.util.function.Function<T, PutEventsRequestEntry> entry) {
        List<T> undelivered = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BATCH) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + BATCH));
            List<PutEventsRequestEntry> entries = batch.stream().map(entry).toList();
            try {
                List<PutEventsResultEntry> results = events.putEvents(b -> b.entries(entries)).entries();
                for (int i = 0; i < batch.size(); i++) {
                    if (i >= results.size() || results.get(i).errorCode() != null) {
                        undelivered.add(batch.get(i));
                    }
                }
            } catch (SdkException e) {
                undelivered.addAll(batch);
            }
        }
        return undelivered;
    }

    static ObjectNode detail(StatusChange c) {
        ObjectNode d = JsonTree.NODES.objectNode();
        d.put("requestId", c.requestId());
        text(d, "caseId", c.caseId());
        d.put("quotaCode", c.quotaCode());
        d.put("quotaName", c.quotaName());
        d.put("region", c.region());
        text(d, "account", c.account());
        d.put("desiredValue", c.desiredValue());
        if (c.appliedValue().isPresent()) {
            d.put("appliedValue", c.appliedValue().get());
        } else {
            d.putNull("appliedValue");
        }
        text(d, "previousStatus", c.previousStatus());
        d.put("status", c.status());
        d.put("observedAt", c.observedAt().toString());
        return d;
    }

    /** The detail of our "Bedrock Quota Value Lowered" event (design: "Events we emit"). */
    static ObjectNode detail(LoweredQuota l) {
        return com.quotadoctor.json.RequestJson.write(l);
    }

    private static void text(ObjectNode d, String field, Optional<String> value) {
        if (value.isPresent()) {
            d.put(field, value.get());
        } else {
            d.putNull(field);
        }
    }
}
