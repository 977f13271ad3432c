package io.pulse.bridge.config;

/**
 * One meter on a bus: the id it publishes under ({@code energy/meters/{id}/readings}), its Modbus
 * unit id, its register map (a preset such as {@code sdm630} or a name under
 * {@code registerMaps}) and, optionally, its own poll interval.
 */
public record MeterConfig(String id, Integer unitId, String map, Long pollIntervalMs) {}
