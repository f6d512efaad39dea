package com.quotadoctor.domain;

/**
 * What kind of thing went missing, which decides what the user can do about it. Classified once, from the gap's
 * code and source ({@link EvidenceGap#kind()}); the codes stay what AWS or the snapshot said, for the record.
 */
public enum GapKind {
    /** The credentials were missing, expired or refused: nothing else could be read. */
    CREDENTIALS_REJECTED,
    /** A member account's read-only role could not be assumed. */
    ROLE_NOT_ASSUMED,
    /** The collecting identity lacks a read permission. */
    ACCESS_DENIED,
    /** AWS throttled a read past the SDK's retries. */
    THROTTLED,
    /** The region is not enabled for the account. */
    REGION_NOT_ENABLED,
    /** An application inference profile could not be resolved to the model it copies. */
    UNRESOLVED_MODEL,
    /** A decided increase request whose quota value was not read: whether it applied cannot be judged. */
    UNJUDGEABLE_REQUEST,
    /** A snapshot section holds a malformed value. */
    MALFORMED_SECTION,
    /** A section was not collected at all. */
    NOT_COLLECTED,
    /** The run's time budget ran out before the region was read in full. */
    RUN_BUDGET_SPENT,
    /** Anything else: a timeout, a 5xx, a malformed response, a truncated list. */
    FAILED;
}
