package io.pulse.jobs.movement.direction;

/** Which way a person crossed a gate. */
public enum Direction { ENTRY, EXIT }
