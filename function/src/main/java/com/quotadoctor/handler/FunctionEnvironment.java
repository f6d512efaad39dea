package com.quotadoctor.handler;

import com.quotadoctor.workflow.Configuration;

/** What every function reads once per execution environment: its configuration and its metrics. */
final class FunctionEnvironment {

    static final Configuration CONFIGURATION = Configuration.fromEnvironment(System.getenv());
    static final PowertoolsTelemetry TELEMETRY = new PowertoolsTelemetry();

    private FunctionEnvironment() {
    }
}
