package io.pulse.jobs.telemetry.rules;

/** How urgent an alert is; the names are the {@code alerts.severity} ENUM of the schema. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
