package io.pulse.jobs.telemetry.rules;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules in force: a version (informational: the latest valid message wins), the settings of
 * every alert type, per-device settings (already merged over the defaults, so a device's map is
 * complete), and commands per type. Immutable; parsed by {@link RulesParser}.
 */
public record AlertRules(
        long version,
        Map<AlertType, Rule> defaults,
        Map<String, Map<AlertType, Rule>> devices,
        Map<AlertType, AlertCommand> commands) implements Serializable {

    /** The contract's defaults, version 0: what readings see before any rules message arrived. */
    public static final AlertRules DEFAULTS = new AlertRules(0, contractDefaults(), Map.of(), Map.of());

    public AlertRules {
        defaults = Map.copyOf(defaults);
        // plain immutable maps all the way down: Flink's Kryo cannot rebuild an EnumMap
        devices = devices.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
        commands = Map.copyOf(commands);
        for (AlertType type : AlertType.values()) {
            if (!defaults.containsKey(type)) {
                throw new IllegalArgumentException("defaults lack " + type);
            }
        }
    }

    static Map<AlertType, Rule> contractDefaults() {
        Map<AlertType, Rule> rules = new EnumMap<>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            rules.put(type, Rule.contractDefault(type));
        }
        return rules;
    }

    /** The device's effective rules of every type: its overrides merged over the defaults. */
    public Map<AlertType, Rule> forDevice(String deviceId) {
        return devices.getOrDefault(deviceId, defaults);
    }

    /** The device's effective rule for a type: its override, or the default. */
    public Rule rule(String deviceId, AlertType type) {
        return forDevice(deviceId).get(type);
    }

    /** The command JSON to publish when an alert of {@code type} opens (or resolves), or null. */
    public String command(AlertType type, boolean opening) {
        AlertCommand command = commands.get(type);
        return command == null ? null : command.on(opening);
    }
}
