package com.quotadoctor.diagnosis;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One step of the plan that fixes the whole situation.
 *
 * @param kind      what sort of step it is
 * @param action    what to do, for people
 * @param command   the exact command, explicit region always, when one exists
 * @param links     console pages beside the command (the quota, the request, the metrics)
 * @param quotaCode the quota it acts on, if any
 * @param region    the region it acts in, if any
 * @param account   the account it acts in, if any
 * @param value     the value it asks for (request-increase) or waits for
 * @param why       the reason, in one sentence
 * @param serves    the finding codes this step answers
 */
public record PlanStep(Kind kind, String action, Optional<String> command, List<String> links,
                       Optional<String> quotaCode, Optional<String> region, Optional<String> account,
                       Optional<Double> value, String why, Set<FindingCode> serves) {

    /** The kinds of step, in the order a person follows them when several serve the same finding. */
    public enum Kind {
        WAIT("wait"),
        FOLLOW_REQUEST("follow-request"),
        CHANGE_CLIENT("change-client"),
        RETEST("retest"),
        REDUCE_DEMAND("reduce-demand"),
        REQUEST_INCREASE("request-increase"),
        /** An increase a finding proposed that the evidence does not back: the applied value already covers it. */
        NO_INCREASE("no-increase"),
        CONTACT_SUPPORT("contact-support"),
        FIND_QUOTA("find-quota"),
        COMPLETE_EVIDENCE("complete-evidence");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** The name in the diagnosis JSON. */
        public String wire() {
            return wire;
        }
    }

    public PlanStep {
        links = List.copyOf(links);
        serves = serves.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(serves));
    }

    /** A step with only an action; the rest is added with the {@code with…} methods. */
    public static PlanStep of(Kind kind, String action) {
        return new PlanStep(kind, action, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "", Set.of());
    }

    public PlanStep command(String text) {
        return new PlanStep(kind, action, Optional.of(text), links, quotaCode, region, account, value, why, serves);
    }

    public PlanStep link(String url) {
        List<String> more = new java.util.ArrayList<>(links);
        if (!more.contains(url)) {
            more.add(url);
        }
        return new PlanStep(kind, action, command, more, quotaCode, region, account, value, why, serves);
    }

    public PlanStep on(String quota, String inRegion, Optional<String> inAccount) {
        return new PlanStep(kind, action, command, links, Optional.of(quota), Optional.of(inRegion), inAccount, value,
                why, serves);
    }

    public PlanStep in(String inRegion, Optional<String> inAccount) {
        return new PlanStep(kind, action, command, links, quotaCode, Optional.of(inRegion), inAccount, value, why, serves);
    }

    public PlanStep value(double v) {
        return new PlanStep(kind, action, command, links, quotaCode, region, account, Optional.of(v), why, serves);
    }

    public PlanStep because(String reason) {
        return new PlanStep(kind, action, command, links, quotaCode, region, account, value, reason, serves);
    }

    public PlanStep serving(Set<FindingCode> codes) {
        return new PlanStep(kind, action, command, links, quotaCode, region, account, value, why, codes);
    }

    public PlanStep action(String text) {
        return new PlanStep(kind, text, command, links, quotaCode, region, account, value, why, serves);
    }
}
