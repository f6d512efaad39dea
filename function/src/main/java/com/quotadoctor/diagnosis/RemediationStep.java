package com.quotadoctor.diagnosis;

import java.util.Optional;

/** One step of a fix: what to do, and the exact command when one helps. */
public record RemediationStep(String action, Optional<String> command) {

    public static RemediationStep say(String action) {
        return new RemediationStep(action, Optional.empty());
    }

    public static RemediationStep run(String action, String command) {
        return new RemediationStep(action, Optional.of(command));
    }
}
