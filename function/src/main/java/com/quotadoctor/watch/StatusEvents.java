package com.quotadoctor.watch;

import java.util.List;

/** Where status changes are announced (the event bus). */
public interface StatusEvents {

    /** @return the changes that could not be delivered */
    List<StatusChange> emit(List<StatusChange> changes);
}
