package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.Quota;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The trigger points at Bedrock Agents or Knowledge Bases. Their runtime calls (InvokeAgent, Retrieve,
 * RetrieveAndGenerate) are CloudTrail data events, and event history (LookupEvents) "supports only management events":
 * what failed cannot be seen here. Says which model quota the agent's model calls draw on, when the model is known, and
 * how to log the calls.
 */
final class AgentCallsNotLoggedRule implements DiagnosisRule {

    @Override
    public FindingCode code() {
        return FindingCode.AGENT_CALLS_NOT_LOGGED;
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        if (!s.request().error().pointsAtAgents()) {
            return List.of();
        }
        String region = s.request().regions().stream().findFirst()
                .or(() -> s.workloads().stream().map(Workload::region).findFirst()).orElse("us-east-1");
        List<Workload> models = s.workloads().stream().filter(w -> w.bindingQuota().isPresent()).toList();
        List<String> named = s.request().models().stream().map(com.quotadoctor.domain.ModelId::raw).toList();
        String quotas = models.stream().map(w -> {
            Quota q = w.bindingQuota().orElseThrow();
            return Facts.describe(q) + " (applied " + q.effectiveValue().map(Format::text).orElse("unknown") + ") for "
                    + w.model().raw();
        }).distinct().collect(Collectors.joining("; "));
        Proof proof = new Proof().put("trigger", s.request().error().message().orElse(null))
                .put("governingQuotas", models.stream().map(w -> w.bindingQuota().orElseThrow().code()).distinct().toList());
        FindingDraft draft = FindingDraft.of(code(), Severity.WARNING)
                .title("Agent or knowledge-base calls: not in CloudTrail's event history")
                .explain("The trigger points at Amazon Bedrock Agents or Knowledge Bases (" + s.request().error().message()
                        .orElse("") + "). Their calls (InvokeAgent, InvokeInlineAgent, Retrieve, RetrieveAndGenerate) are "
                        + "CloudTrail data events, and event history returns management events only, so the failed calls "
                        + "themselves are not in this evidence. The model calls an agent makes are throttled by the "
                        + "Bedrock core (AWS/Bedrock/Agents ModelInvocationThrottles): they draw on this account's quotas "
                        + "for the agent's model" + (!named.isEmpty() ? ", which the trigger names: "
                        + String.join(", ", named) + (quotas.isEmpty() ? "" : " (" + quotas + ")") + "."
                        : quotas.isEmpty() ? ", which the trigger does not name."
                        : ". The models seen throttled here, and the quotas they draw on: " + quotas + "."))
                .proof(proof)
                .about(Optional.of(region), s.request().account(), models.stream().findFirst()
                        .flatMap(Workload::bindingQuota).map(Quota::code), models.stream().findFirst()
                        .map(w -> w.model().raw()));
        if (models.isEmpty() && named.isEmpty()) {
            draft.step(PlanStep.of(PlanStep.Kind.COMPLETE_EVIDENCE, "Find the agent's model, then diagnose it by name "
                            + "(quota-doctor diagnose --model <id> --region " + region + "):")
                    .command(Commands.agentModel(region)).in(region, s.request().account())
                    .because("the agent's model calls draw on that model's quotas"));
        }
        return List.of(draft.step(PlanStep.of(PlanStep.Kind.COMPLETE_EVIDENCE, "Log agent and knowledge-base calls as "
                        + "CloudTrail data events on a trail (charged as data events; the command replaces the trail's "
                        + "selectors, so it keeps management events in the list):")
                .command(Commands.logAgentDataEvents(region)).in(region, s.request().account())
                .because("LookupEvents never returns data events")).build());
    }
}
