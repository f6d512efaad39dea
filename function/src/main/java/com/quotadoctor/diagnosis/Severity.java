package com.quotadoctor.diagnosis;

/** How urgently a finding needs a person. */
public enum Severity {
    CRITICAL, WARNING, INFO
}
