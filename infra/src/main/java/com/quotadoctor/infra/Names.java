package com.quotadoctor.infra;

/** Names other stacks and accounts refer to, so they are fixed rather than generated. */
final class Names {

    /** Every alarm Quota Doctor creates starts with this; the alarm rule matches on it. */
    static final String ALARM_PREFIX = "quota-doctor-";
    /** The read-only role member accounts deploy. */
    static final String MEMBER_ROLE = "quota-doctor-read";

    private Names() {
    }

    /** The Diagnose function's role: member accounts' roles trust exactly this. */
    static String diagnoseRole(String homeRegion) {
        return "quota-doctor-diagnose-" + homeRegion;
    }

    /** The Watch function's role: member accounts' roles trust it too, so the sweep reads their requests. */
    static String watchRole(String homeRegion) {
        return "quota-doctor-watch-" + homeRegion;
    }

    /** A model id as it may appear in an alarm name or a construct id. */
    static String safe(String modelId) {
        return modelId.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
