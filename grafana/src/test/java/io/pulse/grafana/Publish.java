package io.pulse.grafana;

/** One MQTT message of a script. */
public record Publish(String topic, String payload) {}
