package com.quotadoctor.trigger;

import com.quotadoctor.domain.AccountId;
import com.quotadoctor.domain.AwsRegion;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.domain.ModelId;
import com.quotadoctor.json.RequestJson;
import com.quotadoctor.json.ShapeException;
import com.quotadoctor.json.WireNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns any event Quota Doctor is sent, exactly as AWS delivers it, into a {@link Trigger}. Events about
 * something else are recognised and skipped with the reason; a malformed event fails with a
 * {@link ShapeException} naming the exact place.
 */
public final class TriggerParser {

    /** Far above any event AWS sends (EventBridge caps events at 256 KB); refused before parsing. */
    public static final int LARGEST_EVENT = 1 << 20;
    private static final String BEDROCK = com.quotadoctor.domain.ServiceCode.BEDROCK;

    public Trigger parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ShapeException("event: empty; expected a JSON object");
        }
        if (text.length() > LARGEST_EVENT) {
            throw new ShapeException("event: " + text.length() + " characters, more than the " + LARGEST_EVENT
                    + " an event may have");
        }
        return read(WireNode.document("event", text));
    }

    /** An event already parsed: the workflow's input, or the one that started an organisation sweep. */
    private Trigger read(WireNode event) {
        if (event.field("detail-type").present()) {
            return fromEventBridge(event);
        }
        if (event.field("verdict").present()) {
            return previousDiagnosis(event);
        }
        if (event.field("memberAccount").present()) {
            return member(event);
        }
        if (event.field("capturedAt").present() && event.field("regions").isObject()) {
            throw new ShapeException("event: this is an evidence snapshot, not an event: diagnose it with "
                    + "'quota-doctor diagnose --snapshot FILE', or give handle --snapshot FILE with an event");
        }
        if (event.node().isEmpty()) {
            return new Trigger.Scheduled(TriggerKind.CONSOLE_TEST);
        }
        return new Trigger.Diagnose(TriggerKind.ON_DEMAND, RequestJson.read(event, event), Optional.empty());
    }

    private Trigger fromEventBridge(WireNode event) {
        String type = event.field("detail-type").requiredText();
        String source = event.field("source").requiredText();
        WireNode detail = event.field("detail");
        if (!type.equals("Scheduled Event") && !detail.present()) {
            throw detail.problem("is required");
        }
        return switch (type) {
            case "AWS API Call via CloudTrail" -> apiCall(event, source, detail);
            case "AWS Service Event via CloudTrail" -> serviceEvent(event, source, detail);
            case "Support Case Update" -> supportCase(event, detail);
            case "Bedrock Quota Request Status Change" -> statusChange(event, detail);
            case "Bedrock Quota Value Lowered" -> lowered(event, detail);
            case "CloudWatch Alarm State Change" -> AlarmEvent.parse(event, detail);
            case "CloudWatch Alarm Contributor State Change" -> AlarmEvent.contributor(event, detail);
            case "Scheduled Event" -> new Trigger.Scheduled(TriggerKind.SCHEDULED_EVENT);
            case "AWS Health Event" -> HealthEvent.parse(event, source, detail);
            default -> throw event.field("detail-type").problem("'" + type + "' from '" + source
                    + "' is not an event Quota Doctor handles");
        };
    }

    private static Trigger apiCall(WireNode event, String source, WireNode detail) {
        String name = detail.field("eventName").requiredText();
        if (!source.equals("aws.servicequotas") || !name.equals("RequestServiceQuotaIncrease")) {
            return new Trigger.Skip(TriggerKind.OTHER_CLOUDTRAIL_EVENT, "CloudTrail " + name + " from " + source
                    + " is not a quota increase request");
        }
        WireNode parameters = detail.field("requestParameters");
        String service = parameters.field("serviceCode").requiredText();
        if (!service.equalsIgnoreCase(BEDROCK)) {
            return new Trigger.Skip(TriggerKind.REQUEST_SERVICE_QUOTA_INCREASE, "a quota increase for service code '" + service + "', not bedrock");
        }
        Optional<String> error = detail.field("errorCode").text();
        if (error.isPresent()) {
            return new Trigger.Skip(TriggerKind.REQUEST_SERVICE_QUOTA_INCREASE, "the increase request itself failed (" + error.get() + "): nothing was filed");
        }
        WireNode quota = detail.field("responseElements").field("requestedQuota");
        // every identifier held to AWS's pattern, at its own place: nothing an event carries reaches a report unchecked
        WireNode code = parameters.field("quotaCode").present() ? parameters.field("quotaCode") : quota.field("quotaCode");
        return new Trigger.Diagnose(TriggerKind.REQUEST_SERVICE_QUOTA_INCREASE, request(account(event,
                detail.field("recipientAccountId")),
                quota.field("id").present() ? Optional.of(matching(quota.field("id"), REQUEST_ID, "a Service Quotas request id"))
                        : Optional.empty(),
                code.present() ? Optional.of(matching(code, QUOTA_CODE, "a quota code")) : Optional.empty()),
                Optional.empty());
    }

    private static Trigger serviceEvent(WireNode event, String source, WireNode detail) {
        String name = detail.field("eventName").requiredText();
        if (!source.equals("aws.servicequotas") || !name.equals("UpdateServiceQuotaIncreaseRequestStatus")) {
            return new Trigger.Skip(TriggerKind.OTHER_CLOUDTRAIL_EVENT, "service event " + name + " from " + source
                    + " is not a quota request status change");
        }
        WireNode details = detail.field("serviceEventDetails");
        String service = details.field("serviceName").requiredText();
        if (!service.toLowerCase(java.util.Locale.ROOT).contains(BEDROCK)) {
            return new Trigger.Skip(TriggerKind.UPDATE_REQUEST_STATUS, "a quota request of " + service + ", not Amazon Bedrock");
        }
        return new Trigger.Diagnose(TriggerKind.UPDATE_REQUEST_STATUS, request(account(event,
                detail.field("recipientAccountId")), Optional.of(matching(details.field("requestId"), REQUEST_ID,
                "a Service Quotas request id")), Optional.empty()), Optional.empty());
    }

    private static Trigger supportCase(WireNode event, WireNode detail) {
        String display = detail.field("display-id").present()
                ? matching(detail.field("display-id"), DISPLAY_ID, "a support case display id")
                : matching(detail.field("case-id"), CASE_ID, "a support case id");
        return new Trigger.Diagnose(TriggerKind.SUPPORT_CASE_UPDATE, request(account(event, detail.field("account")),
                Optional.of(display), Optional.empty()), Optional.of(display));
    }

    /**
     * Our own watcher's event. It arrives on a bus only the watcher may write to, and every field is still held to
     * AWS's published pattern (Service Quotas API reference: RequestId, QuotaCode), so that nothing an event carries
     * reaches a report or a command unchecked.
     */
    private static Trigger statusChange(WireNode event, WireNode detail) {
        String requestId = matching(detail.field("requestId"), REQUEST_ID, "a Service Quotas request id");
        Optional<String> quotaCode = detail.field("quotaCode").present()
                ? Optional.of(matching(detail.field("quotaCode"), QUOTA_CODE, "a quota code")) : Optional.empty();
        return new Trigger.Diagnose(TriggerKind.QUOTA_REQUEST_STATUS_CHANGE, request(account(event, detail.field("account")),
                Optional.of(requestId), quotaCode), Optional.empty());
    }

    /** Our own watcher saw an applied value fall: diagnosed in that quota's region, the fall carried as a fact. */
    private static Trigger lowered(WireNode event, WireNode detail) {
        com.quotadoctor.domain.LoweredQuota fall = com.quotadoctor.json.RequestJson.lowered(detail);
        DiagnosisRequest request = request(account(event, detail.field("account")), Optional.empty(),
                Optional.of(fall.quotaCode())).inRegions(List.of(fall.region())).afterLowering(fall);
        return new Trigger.Diagnose(TriggerKind.QUOTA_LOWERED, request, Optional.empty());
    }

    private static final java.util.regex.Pattern SITUATION = java.util.regex.Pattern.compile("^[0-9a-f]{32}$");
    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("^[0-9a-zA-Z][a-zA-Z0-9-]{1,128}$");
    private static final java.util.regex.Pattern QUOTA_CODE = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9-]{1,128}$");
    private static final java.util.regex.Pattern DISPLAY_ID = java.util.regex.Pattern.compile("^[0-9]{1,20}$");
    private static final java.util.regex.Pattern CASE_ID = java.util.regex.Pattern.compile("^case-[0-9a-zA-Z-]{1,100}$");

    private static String matching(WireNode node, java.util.regex.Pattern pattern, String what) {
        String text = node.requiredText();
        if (!pattern.matcher(text).matches()) {
            throw node.problem("is not " + what);
        }
        return text;
    }

    /**
     * One account of an organisation sweep, as the Distributed Map's item selector writes it: {@code memberAccount},
     * and what narrows the look: the sweep's {@code request}, or the {@code trigger} that started it (the execution's
     * input: a schedule, an alarm).
     */
    private Trigger member(WireNode item) {
        String account = item.field("memberAccount").requiredText();
        if (!AccountId.isValid(account)) {
            throw item.field("memberAccount").problem("expected a 12-digit account id, got '" + account + "'");
        }
        WireNode request = item.field("request");
        DiagnosisRequest sweep = request.present() ? RequestJson.read(request, item) : DiagnosisRequest.empty();
        WireNode started = item.field("trigger");
        if (started.present() && started.node().isObject() && !started.field("memberAccount").present()) {
            // what started the sweep (an alarm names a region and model) narrows each account's look; its account
            // is the one the event came from, not this member
            Trigger trigger = read(started);
            if (trigger instanceof Trigger.Diagnose d) {
                sweep = sweep.over(d.request().inAnyAccount());
            }
        }
        return new Trigger.Member(account, sweep);
    }

    private static Trigger previousDiagnosis(WireNode diagnosis) {
        DiagnosisRequest previous = RequestJson.read(diagnosis.field("request"), diagnosis);
        // the running diagnosis's claim, carried by the loop (32 hex digits, as Fingerprint writes it)
        Optional<String> situation = diagnosis.field("situation").present()
                ? Optional.of(matching(diagnosis.field("situation"), SITUATION, "a running diagnosis's claim"))
                : Optional.empty();
        return new Trigger.Diagnose(TriggerKind.PREVIOUS_DIAGNOSIS, previous.nextAttempt(), Optional.empty(), situation);
    }

    private static Optional<String> account(WireNode event, WireNode preferred) {
        // the place that holds the value is named: detail.recipientAccountId, not "account"
        WireNode holder = preferred.present() ? preferred : event.field("account");
        Optional<String> account = holder.text();
        if (account.isPresent() && !AccountId.isValid(account.get())) {
            throw holder.problem("expected a 12-digit account id, got '" + com.quotadoctor.domain.Text.oneLine(account.get(), 40) + "'");
        }
        return account;
    }

    static DiagnosisRequest request(Optional<String> account, Optional<String> requestId, Optional<String> quotaCode) {
        return DiagnosisRequest.empty().inAccount(account).following(requestId, quotaCode);
    }

    /**
     * "AWS Health Event" from Service Quotas Automatic Management: a quota's utilization crossed 80 % or 95 %. Its
     * {@code resources} name each quota as "Service: bedrock | Quota Name: … | Utilization: 80.0%" (the shape of
     * AWS's example in the Service Quotas user guide, "Service Quotas Automatic Management CloudTrail logs"); the
     * Bedrock ones are diagnosed in the event's region before calls fail.
     */
    static final class HealthEvent {

        static final String THRESHOLD_BREACH = "AWS_SERVICEQUOTAS_THRESHOLD_BREACH";
        private static final java.util.regex.Pattern QUOTA = java.util.regex.Pattern.compile(
                "^Service: ([^|]+?) \\| Quota Name: (.+?) \\| Utilization: ([0-9.]+)%$");

        private HealthEvent() {
        }

        static Trigger parse(WireNode event, String source, WireNode detail) {
            TriggerKind kind = TriggerKind.QUOTA_THRESHOLD_BREACH;
            String type = detail.field("eventTypeCode").text().orElse("(none)");
            if (!source.equals("aws.health") || !type.equals(THRESHOLD_BREACH)) {
                return new Trigger.Skip(kind, "Health event " + type + " from " + source + " is not a quota threshold breach");
            }
            List<String> breaches = new ArrayList<>();
            for (WireNode resource : event.field("resources").list(n -> n)) {
                java.util.regex.Matcher m = QUOTA.matcher(resource.requiredText().trim());
                if (m.matches() && m.group(1).trim().equalsIgnoreCase(BEDROCK)) {
                    breaches.add(m.group(2).trim() + " at " + m.group(3) + "% of its applied value");
                }
            }
            if (breaches.isEmpty()) {
                return new Trigger.Skip(kind, "the quotas near their limit are not Bedrock's");
            }
            WireNode regionNode = detail.field("eventRegion").present() ? detail.field("eventRegion") : event.field("region");
            String region = regionNode.requiredText();
            if (!AwsRegion.isKnown(region)) {
                throw regionNode.problem("unknown region '" + region + "'");
            }
            ErrorSignal signal = new ErrorSignal(Optional.empty(),
                    Optional.of("Service Quotas utilization: " + String.join("; ", breaches)));
            return new Trigger.Diagnose(kind, DiagnosisRequest.empty().inAccount(account(event, event.field("account")))
                    .inRegions(List.of(region)).failingWith(signal), Optional.empty());
        }
    }

    /** "CloudWatch Alarm State Change": metric, metric-math, Metrics Insights and composite alarms. */
    static final class AlarmEvent {

        private static final String NAMESPACE = com.quotadoctor.domain.BedrockMetric.NAMESPACE;
        private static final String MANTLE = com.quotadoctor.domain.BedrockMetric.MANTLE_NAMESPACE;
        /** Bedrock Agents' runtime metrics (InvocationThrottles, ModelInvocationThrottles, …; dimensions Operation, ModelId). */
        private static final String AGENTS = "AWS/Bedrock/Agents";
        private static final String THROTTLES = com.quotadoctor.domain.BedrockMetric.INVOCATION_THROTTLES.wireName();

        private AlarmEvent() {
        }

        static Trigger parse(WireNode event, WireNode detail) {
            TriggerKind kind = TriggerKind.ALARM_STATE_CHANGE;
            String state = detail.field("state").field("value").requiredText();
            String alarm = detail.field("alarmName").text().orElse("(unnamed)");
            if (!state.equals("ALARM")) {
                return new Trigger.Skip(kind, "alarm " + alarm + " went to " + state + ", not ALARM");
            }
            String region = event.field("region").requiredText();
            if (!AwsRegion.isKnown(region)) {
                throw event.field("region").problem("unknown region '" + region + "'");
            }
            WireNode configuration = detail.field("configuration");
            List<WireNode> metrics = configuration.field("metrics").list(m -> m);
            Set<String> namespaces = new LinkedHashSet<>();
            List<ModelId> models = new ArrayList<>();
            boolean throttles = false;
            for (WireNode m : metrics) {
                WireNode metric = m.field("metricStat").field("metric");
                if (!metric.present()) {
                    // an expression: a metric-math one lists the metrics it reads beside it; a Metrics Insights
                    // query names its namespace, metric and model filter in its SQL
                    Optional<Query> query = m.field("expression").text().flatMap(Query::parse);
                    if (query.isPresent()) {
                        namespaces.add(query.get().namespace());
                        throttles |= query.get().metric().equals(THROTTLES);
                        query.get().model().ifPresent(model -> addModel(models, model, m.field("expression")));
                    }
                    continue;
                }
                namespaces.add(metric.field("namespace").requiredText());
                throttles |= metric.field("name").text().filter(THROTTLES::equals).isPresent();
                metric.field("dimensions").field("ModelId").text()
                        .ifPresent(model -> addModel(models, model, metric.field("dimensions").field("ModelId")));
            }
            boolean composite = configuration.field("alarmRule").present();
            if (metrics.isEmpty() && !composite) {
                return new Trigger.Skip(kind, "alarm " + alarm + " names no metric");
            }
            boolean mantle = namespaces.contains(MANTLE) && !namespaces.contains(NAMESPACE);
            boolean agents = namespaces.contains(AGENTS) && !namespaces.contains(NAMESPACE);
            if (!composite && !namespaces.contains(NAMESPACE) && !mantle && !agents) {
                return new Trigger.Skip(kind, "alarm " + alarm + " watches " + (namespaces.isEmpty() ? "no metric"
                        : String.join(", ", namespaces)) + ", not " + NAMESPACE + ", " + MANTLE + " or " + AGENTS);
            }
            Optional<String> account = account(event, event.field("account"));
            if (mantle) {
                // bedrock-mantle names its models its own way (dimension Model): its metrics name the failing ones
                return new Trigger.Diagnose(kind, DiagnosisRequest.empty().inAccount(account).inRegions(List.of(region)),
                        Optional.empty());
            }
            if (agents) {
                // the agent's model calls draw on the model's quotas; the alarm is the only trace of them LookupEvents has
                ErrorSignal signal = agentsSignal(alarm, metrics);
                return new Trigger.Diagnose(kind, DiagnosisRequest.empty().inAccount(account).inRegions(List.of(region))
                        .forModels(models).failingWith(signal), Optional.empty());
            }
            // A composite alarm reaches this rule only by a name the deployer routed here (Quota Doctor deploys none); its
            // event names its children, not their metrics, so nothing is assumed about the error: the region is read
            // and CloudTrail and the metrics say what failed.
            ErrorSignal signal = namespaces.contains(AGENTS) ? agentsSignal(alarm, metrics) : throttles
                    ? new ErrorSignal(Optional.of("ThrottlingException"), Optional.empty()) : ErrorSignal.NONE;
            return new Trigger.Diagnose(kind, DiagnosisRequest.empty().inAccount(account).inRegions(List.of(region))
                    .forModels(models).failingWith(signal), Optional.empty());
        }

        /** An alarm on Bedrock Agents' metrics: named in the message; a throttle only when it watches a throttle count. */
        private static ErrorSignal agentsSignal(String alarm, List<WireNode> metrics) {
            List<String> names = metricNames(metrics);
            return new ErrorSignal(names.stream().anyMatch(n -> n.endsWith("Throttles"))
                    ? Optional.of("ThrottlingException") : Optional.empty(),
                    Optional.of("alarm " + alarm + " watches " + AGENTS + " (" + String.join(", ", names) + ")"));
        }

        /**
         * "CloudWatch Alarm Contributor State Change": one time series of a Metrics Insights alarm with GROUP BY went to
         * ALARM (AWS's example, CloudWatch User Guide, "Alarm events and EventBridge", Multi Time Series Alarm). Its
         * {@code alarmContributor.attributes} are the series' dimensions: the model throttled, in the event's region.
         */
        static Trigger contributor(WireNode event, WireNode detail) {
            TriggerKind kind = TriggerKind.ALARM_CONTRIBUTOR_STATE_CHANGE;
            String alarm = detail.field("alarmName").text().orElse("(unnamed)");
            String state = detail.field("state").field("value").requiredText();
            if (!state.equals("ALARM")) {
                return new Trigger.Skip(kind, "a contributor of alarm " + alarm + " went to " + state + ", not ALARM");
            }
            String region = event.field("region").requiredText();
            if (!AwsRegion.isKnown(region)) {
                throw event.field("region").problem("unknown region '" + region + "'");
            }
            Optional<Query> query = detail.field("configuration").field("metrics").list(m -> m).stream()
                    .flatMap(m -> m.field("expression").text().flatMap(Query::parse).stream()).findFirst();
            if (query.isEmpty() || !query.get().namespace().equals(NAMESPACE)) {
                return new Trigger.Skip(kind, "alarm " + alarm + " watches " + query.map(Query::namespace)
                        .orElse("no Metrics Insights query") + ", not " + NAMESPACE);
            }
            WireNode model = detail.field("alarmContributor").field("attributes").field("ModelId");
            List<ModelId> models = new ArrayList<>();
            model.text().ifPresent(m -> addModel(models, m, model));
            ErrorSignal signal = query.get().metric().equals(THROTTLES)
                    ? new ErrorSignal(Optional.of("ThrottlingException"), Optional.empty()) : ErrorSignal.NONE;
            return new Trigger.Diagnose(kind, DiagnosisRequest.empty().inAccount(account(event, event.field("account")))
                    .inRegions(List.of(region)).forModels(models).failingWith(signal), Optional.empty());
        }

        private static List<String> metricNames(List<WireNode> metrics) {
            return metrics.stream().map(m -> m.field("metricStat").field("metric").field("name").text()
                    .or(() -> m.field("expression").text().flatMap(Query::parse).map(Query::metric)))
                    .flatMap(Optional::stream).map(n -> com.quotadoctor.domain.Text.oneLine(n, 64)).distinct().toList();
        }

        private static void addModel(List<ModelId> models, String model, WireNode where) {
            try {
                ModelId id = ModelId.parse(model);
                if (models.stream().noneMatch(x -> x.raw().equals(id.raw()))) {
                    models.add(id);
                }
            } catch (IllegalArgumentException e) {
                throw where.problem(e.getMessage());
            }
        }

        /**
         * What a Metrics Insights query reads: {@code SELECT FN(Metric) FROM [SCHEMA(]"Namespace"[, …)]
         * [WHERE ModelId = 'id']}. Anything else is a metric-math expression (empty).
         */
        record Query(String namespace, String metric, Optional<String> model) {

            private static final java.util.regex.Pattern SELECT = java.util.regex.Pattern.compile(
                    "(?is)^\\s*SELECT\\s+\\w+\\(\\s*\"?([\\w.-]+)\"?\\s*\\)\\s+FROM\\s+(?:SCHEMA\\(\\s*)?\"?([\\w/.:-]+)\"?.*$");
            private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile(
                    "(?i)\\bWHERE\\b.*?\\bModelId\\s*=\\s*'([^']+)'");

            static Optional<Query> parse(String expression) {
                java.util.regex.Matcher m = SELECT.matcher(expression);
                if (!m.matches()) {
                    return Optional.empty();
                }
                java.util.regex.Matcher model = MODEL.matcher(expression);
                return Optional.of(new Query(m.group(2), m.group(1),
                        model.find() ? Optional.of(model.group(1)) : Optional.empty()));
            }
        }
    }
}
