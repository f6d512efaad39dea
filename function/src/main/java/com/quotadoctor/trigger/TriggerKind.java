package com.quotadoctor.trigger;

/**
 * The shapes of event Quota Doctor knows, by the name logs, outputs and the {@code Trigger} metric dimension carry.
 * A closed set: an event's own text (a CloudTrail eventName anyone can cause) never becomes a dimension.
 */
public enum TriggerKind {
    REQUEST_SERVICE_QUOTA_INCREASE("RequestServiceQuotaIncrease"),
    UPDATE_REQUEST_STATUS("UpdateServiceQuotaIncreaseRequestStatus"),
    OTHER_CLOUDTRAIL_EVENT("OtherCloudTrailEvent"),
    SUPPORT_CASE_UPDATE("SupportCaseUpdate"),
    QUOTA_REQUEST_STATUS_CHANGE("QuotaRequestStatusChange"),
    QUOTA_LOWERED("QuotaLowered"),
    ALARM_STATE_CHANGE("AlarmStateChange"),
    ALARM_CONTRIBUTOR_STATE_CHANGE("AlarmContributorStateChange"),
    QUOTA_THRESHOLD_BREACH("QuotaThresholdBreach"),
    SCHEDULED_EVENT("ScheduledEvent"),
    CONSOLE_TEST("ConsoleTest"),
    ON_DEMAND("OnDemand"),
    PREVIOUS_DIAGNOSIS("PreviousDiagnosis"),
    ORGANIZATION_MEMBER("OrganizationMember");

    private final String label;

    TriggerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
