package com.quotadoctor.notification;

import java.util.Optional;

/** Where a deployed diagnosis keeps its HTML report, and the link the notification carries to it. */
public interface ReportStore {

    /** No store configured: no report kept, no link. */
    ReportStore NONE = (name, html) -> Optional.empty();

    /**
     * Keeps {@code html} under {@code name}.
     *
     * @return the link to put in the notification; empty when it could not be kept (the diagnosis goes on without it)
     */
    Optional<String> keep(String name, String html);
}
