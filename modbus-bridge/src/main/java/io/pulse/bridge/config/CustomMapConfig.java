package io.pulse.bridge.config;

import java.util.Map;

/** A register map written in the config file: {@code kind} input (default) or holding, and fields by contract name. */
public record CustomMapConfig(String kind, Map<String, FieldConfig> fields) {}
