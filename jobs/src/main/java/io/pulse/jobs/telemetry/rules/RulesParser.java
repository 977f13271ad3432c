package io.pulse.jobs.telemetry.rules;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.ingest.MessageParser;
import io.pulse.jobs.ingest.Printable;
import io.pulse.jobs.ingest.Rejection;
import io.pulse.jobs.telemetry.MetricRanges;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads the retained rules message on {@code pulse/config/rules} (shape: README.md next to this
 * file). Strict on purpose: a misspelt setting would otherwise be ignored silently and an operator
 * would believe a threshold changed. Every refusal names the JSON path and what was expected; a
 * refused message leaves the rules in force unchanged (it never reaches the broadcast).
 */
public final class RulesParser implements MessageParser<AlertRules> {

    public static final String TOPIC = "pulse/config/rules";
    static final int MAX_COMMAND_CHARS = 1024;
    static final int MAX_DEVICE_ID_CHARS = 64; // alerts.device_id is VARCHAR(64)
    private static final List<String> TOP_LEVEL = List.of("version", "defaults", "devices", "commands");
    private static final Set<String> FIXED_AT_START = Set.of("count", "withinSeconds");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Override
    public void parse(MqttMessage message, Instant now, Consumer<AlertRules> records, Rejects rejects) {
        if (!TOPIC.equals(message.topic())) {
            rejects.reject("rules are read from " + TOPIC + ", not from '" + message.topic() + "'");
            return;
        }
        try {
            records.accept(parse(message.payload()));
        } catch (Rejection r) {
            rejects.reject(r.getMessage());
        }
    }

    /** The rules of one message, or the reason it is refused. */
    public static AlertRules parse(byte[] payload) throws Rejection {
        JsonNode root = readTree(payload);
        checkFields("rules", root, TOP_LEVEL);
        long version = version(root.get("version"));
        Map<AlertType, Rule> defaults = AlertRules.contractDefaults();
        JsonNode defaultsNode = root.get("defaults");
        if (defaultsNode != null) {
            defaults = overrides("defaults", defaultsNode, defaults);
        }
        Map<String, Map<AlertType, Rule>> devices = new HashMap<>();
        JsonNode devicesNode = root.get("devices");
        if (devicesNode != null) {
            requireObject("devices", devicesNode);
            for (Iterator<Map.Entry<String, JsonNode>> it = devicesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> device = it.next();
                String id = device.getKey();
                if (id.isBlank() || id.length() > MAX_DEVICE_ID_CHARS || id.contains("/") || id.contains("+") || id.contains("#")) {
                    throw new Rejection("devices: '" + abbreviate(id) + "' is not a device id (1 to " + MAX_DEVICE_ID_CHARS
                            + " characters, no / + #)");
                }
                devices.put(id, overrides("devices." + id, device.getValue(), defaults));
            }
        }
        Map<AlertType, AlertCommand> commands = new EnumMap<>(AlertType.class);
        JsonNode commandsNode = root.get("commands");
        if (commandsNode != null) {
            requireObject("commands", commandsNode);
            for (Iterator<Map.Entry<String, JsonNode>> it = commandsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                AlertType type = alertType("commands", entry.getKey());
                commands.put(type, command("commands." + type, type, entry.getValue()));
            }
        }
        return new AlertRules(version, defaults, devices, commands);
    }

    private static JsonNode readTree(byte[] payload) throws Rejection {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new Rejection("rules are not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Rejection("rules are not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new Rejection("rules payload is empty");
        }
        if (!root.isObject()) {
            throw new Rejection("rules must be a JSON object, got " + kind(root));
        }
        return root;
    }

    private static long version(JsonNode node) throws Rejection {
        if (node == null || node.isNull()) {
            throw new Rejection("version is missing (a whole number, raised with every change)");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new Rejection("version must be a whole number >= 0, got " + abbreviate(node.toString()));
        }
        return node.longValue();
    }

    /** The rules of every type after applying the settings of {@code node} (type -> settings) over {@code base}. */
    private static Map<AlertType, Rule> overrides(String path, JsonNode node, Map<AlertType, Rule> base) throws Rejection {
        requireObject(path, node);
        Map<AlertType, Rule> rules = new EnumMap<>(base);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            AlertType type = alertType(path, entry.getKey());
            String typePath = path + "." + type;
            Rule rule = settings(typePath, type, entry.getValue(), base.get(type));
            validate(typePath, type, rule);
            rules.put(type, rule);
        }
        return rules;
    }

    private static Rule settings(String path, AlertType type, JsonNode node, Rule base) throws Rejection {
        requireObject(path, node);
        Rule rule = base;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (FIXED_AT_START.contains(name)) {
                throw new Rejection(path + "." + name + " cannot change at run time: the CEP patterns' counts and windows"
                        + " are fixed when the job starts; only thresholds, hysteresis and enabled can be set here");
            }
            if (!type.settings().contains(name)) {
                throw new Rejection(path + ": unknown setting '" + abbreviate(name) + "' (" + type + " takes "
                        + String.join(", ", type.settings()) + ")");
            }
            if (name.equals("enabled")) {
                if (!value.isBoolean()) {
                    throw new Rejection(path + ".enabled must be true or false, got " + kind(value));
                }
                rule = rule.withEnabled(value.booleanValue());
            } else {
                if (!value.isNumber()) {
                    throw new Rejection(path + "." + name + " must be a number, got " + kind(value));
                }
                rule = rule.with(name, value.doubleValue());
            }
        }
        return rule;
    }

    /** Checks the effective settings, so a device override is judged together with the defaults it falls back on. */
    private static void validate(String path, AlertType type, Rule rule) throws Rejection {
        switch (type) {
            case OVERHEAT -> inRange(path + ".threshold", "temperature", rule.threshold());
            case HIGH_VIBRATION -> inRange(path + ".threshold", "vibration", rule.threshold());
            case LOW_BATTERY -> {
                inRange(path + ".threshold", "battery", rule.threshold());
                inRange(path + ".critical", "battery", rule.critical());
                if (rule.critical() > rule.threshold()) {
                    throw new Rejection(path + ".critical (" + number(rule.critical()) + ") must not be above threshold ("
                            + number(rule.threshold()) + ")");
                }
            }
            case BATTERY_DROP -> {
                if (!(rule.threshold() > 0 && rule.threshold() <= 100)) {
                    throw new Rejection(path + ".threshold must be a fall in points in (0, 100], got " + number(rule.threshold()));
                }
            }
            case FIRE_RISK -> inRange(path + ".threshold", "gas", rule.threshold());
            case OFFLINE -> {
                if (!(rule.afterSeconds() >= 1 && rule.afterSeconds() <= 86_400)) {
                    throw new Rejection(path + ".afterSeconds must be between 1 and 86400, got " + number(rule.afterSeconds()));
                }
            }
            case ANOMALY_BURST -> { }
        }
        if (type.settings().contains("hysteresis") && !(rule.hysteresis() >= 0)) {
            throw new Rejection(path + ".hysteresis must be >= 0, got " + number(rule.hysteresis()));
        }
    }

    private static void inRange(String path, String metric, double value) throws Rejection {
        String outOfRange = MetricRanges.CONTRACT.check(metric, value);
        if (outOfRange != null) {
            throw new Rejection(path + ": " + outOfRange);
        }
    }

    private static AlertCommand command(String path, AlertType type, JsonNode node) throws Rejection {
        if (type == AlertType.OFFLINE) {
            throw new Rejection(path + ": commands are not sent for OFFLINE (the device cannot receive them)");
        }
        requireObject(path, node);
        checkFields(path, node, List.of("opened", "resolved"));
        return new AlertCommand(commandPayload(path + ".opened", node.get("opened")),
                commandPayload(path + ".resolved", node.get("resolved")));
    }

    private static String commandPayload(String path, JsonNode node) throws Rejection {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new Rejection(path + " must be a non-empty JSON object (published as is), got " + kind(node));
        }
        String json = node.toString();
        if (json.length() > MAX_COMMAND_CHARS) {
            throw new Rejection(path + " is longer than " + MAX_COMMAND_CHARS + " characters");
        }
        return json;
    }

    private static AlertType alertType(String path, String name) throws Rejection {
        try {
            return AlertType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new Rejection(path + ": unknown alert type '" + abbreviate(name) + "' (known: "
                    + Arrays.stream(AlertType.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static void checkFields(String path, JsonNode node, List<String> known) throws Rejection {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new Rejection(path + ": unknown field '" + abbreviate(name) + "' (expected " + String.join(", ", known) + ")");
            }
        }
    }

    private static void requireObject(String path, JsonNode node) throws Rejection {
        if (!node.isObject()) {
            throw new Rejection(path + " must be a JSON object, got " + kind(node));
        }
    }

    private static String kind(JsonNode node) {
        return node.isNull() ? "null" : node.getNodeType().name().toLowerCase();
    }

    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String abbreviate(String text) {
        return Printable.abbreviate(text, 43);
    }
}
