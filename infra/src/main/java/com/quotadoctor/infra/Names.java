package com.quotadoctor.infra;

import java.util.Optional;

/**
 * The physical names of one deployment, which other stacks, accounts and event patterns refer to, so they are fixed
 * rather than generated. With a {@code stage} every name carries it, so two stages live side by side in one account;
 * without one the names are those of earlier releases, so an existing deployment updates in place.
 *
 * @param stage      the deployment's stage ({@code -c stage=dev}), if any
 * @param memberRole the read-only role member accounts deploy ({@code -c memberRoleName=…}; default quota-doctor-read,
 *                   quota-doctor-&lt;stage&gt;-read with a stage, as two stages' StackSets both reach every member account)
 */
record Names(Optional<String> stage, String memberRole) {

    /** The member role's name unless configured or staged: one fixed name every member account of an organisation has. */
    static final String MEMBER_ROLE = "quota-doctor-read";
    /** The first words of the alarm names the trigger rule matches: one kind each, so no stage's prefix is another's. */
    static final java.util.List<String> ALARM_KINDS = java.util.List.of("throttles-", "client-errors-");

    static Names of(Optional<String> stage, Optional<String> memberRole) {
        return new Names(stage, memberRole.orElse(stage.map(s -> "quota-doctor-" + s + "-read").orElse(MEMBER_ROLE)));
    }

    /** {@code quota-doctor-} or {@code quota-doctor-<stage>-}: every lower-case name starts with it. */
    String prefix() {
        return "quota-doctor-" + stage.map(s -> s + "-").orElse("");
    }

    /** A CloudFormation stack's name: {@code QuotaDoctor[Forwarder-us-west-2]} or {@code QuotaDoctor-<stage>[-Forwarder-…]}. */
    String stack(String base) {
        String rest = base.replaceFirst("^QuotaDoctor", "");
        return stage.map(s -> "QuotaDoctor-" + s + (rest.isEmpty() ? "" : "-" + rest)).orElse(base);
    }

    /** The alarms whose state changes start a diagnosis: {@code quota-doctor-[<stage>-]throttles-…}. */
    String alarm(String kindAndName) {
        return prefix() + kindAndName;
    }

    /** Quota Doctor watching itself: {@code QuotaDoctor-[<stage>-]health-…}. */
    String healthAlarm(String name) {
        return "QuotaDoctor-" + stage.map(s -> s + "-").orElse("") + "health-" + name;
    }

    String dashboard(String homeRegion) {
        return "QuotaDoctor-" + stage.map(s -> s + "-").orElse("") + homeRegion;
    }

    String statusBus() {
        return prefix() + "status";
    }

    String chatConfiguration() {
        return "quota-doctor" + stage.map(s -> "-" + s).orElse("");
    }

    String memberRoleStackSet() {
        return prefix() + "member-role";
    }

    /** The Diagnose function's role: member accounts' roles trust exactly this. */
    String diagnoseRole(String homeRegion) {
        return prefix() + "diagnose-" + homeRegion;
    }

    /** The Watch function's role: member accounts' roles trust it too, so the sweep reads their requests. */
    String watchRole(String homeRegion) {
        return prefix() + "watch-" + homeRegion;
    }

    /** A model id as it may appear in an alarm name or a construct id. */
    static String safe(String modelId) {
        return modelId.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
