package io.pulse.bridge.config;

/** A field of a custom register map; type defaults to float32, word order to big, scale to 1. */
public record FieldConfig(Integer address, String type, String wordOrder, Double scale) {}
