package com.quotadoctor.watch;

import com.quotadoctor.domain.LoweredQuota;

import java.util.List;

/** Where status changes and lowered quotas are announced (the event bus). */
public interface StatusEvents {

    /** @return the changes that could not be delivered */
    List<StatusChange> emit(List<StatusChange> changes);

    /** @return the lowered quotas that could not be delivered (an announcer that has no way to send any: all of them) */
    default List<LoweredQuota> emitLowered(List<LoweredQuota> lowered) {
        return lowered;
    }
}
