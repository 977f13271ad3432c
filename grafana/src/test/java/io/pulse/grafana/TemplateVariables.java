package io.pulse.grafana;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dashboard's template variables with their current values, substituted into a query the way
 * Grafana's front end does before a query leaves the browser: {@code $name}, {@code ${name}} and
 * {@code [[name]]} are replaced; names that are not variables (such as {@code $__interval} or
 * {@code $timeFilter}) stay for the data source. A variable that is multi-value or has "All"
 * is formatted by the data source of the query:
 * <ul>
 *   <li>MySQL: each value quoted as an SQL string, joined by commas ({@code 'a','b'}), so
 *       {@code col IN ($var)} works; a plain single-value variable is inserted as it is;</li>
 *   <li>InfluxDB: each value regex-escaped, several joined as {@code (a|b)}, so
 *       {@code "tag" =~ /^$var$/} works.</li>
 * </ul>
 * "All" without a custom all value means every option of the variable.
 */
public final class TemplateVariables {

    /** Grafana's variable syntax: $name, [[name]] or [[name:fmt]], ${name} or ${name:fmt}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?::([^}]+))?}");
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$*+?.()|{}\\[\\]/]");

    /** One variable: its selected values and whether Grafana formats it as a list. */
    public record Value(List<String> values, boolean listFormatted) {}

    private final Map<String, Value> values = new LinkedHashMap<>();

    /** Sets a variable from its definition and the options it resolved to (query or custom). */
    public void resolve(JsonNode variable, List<String> options) {
        boolean list = variable.path("multi").asBoolean(false) || variable.path("includeAll").asBoolean(false);
        List<String> current = new ArrayList<>();
        JsonNode value = variable.path("current").path("value");
        if (value.isArray()) {
            for (JsonNode v : value) {
                current.add(v.asText());
            }
        } else if (!value.isMissingNode()) {
            current.add(value.asText());
        }
        if (current.isEmpty() || current.contains("$__all")) {
            if (variable.hasNonNull("allValue") && !variable.path("allValue").asText().isEmpty()) {
                throw new IllegalArgumentException("custom all values are not emulated: " + variable.path("name").asText());
            }
            current = current.isEmpty() && !options.isEmpty() ? List.of(options.get(0)) : options;
        }
        values.put(variable.path("name").asText(), new Value(List.copyOf(current), list));
    }

    public Value get(String name) {
        return values.get(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** {@code query} with every known variable replaced, formatted for {@code datasourceType}. */
    public String substitute(String query, String datasourceType) {
        Matcher m = VARIABLE.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
            String format = m.group(3) != null ? m.group(3) : m.group(5);
            Value value = values.get(name);
            String replacement = value == null ? m.group() : format(value, datasourceType, format);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String format(Value value, String datasourceType, String format) {
        if (format != null) {
            throw new IllegalArgumentException("variable formats (:" + format + ") are not emulated");
        }
        if (!value.listFormatted()) {
            return value.values().get(0);
        }
        return switch (datasourceType) {
            case "mysql" -> String.join(",", value.values().stream().map(v -> "'" + v.replace("'", "''") + "'").toList());
            case "influxdb" -> {
                List<String> escaped = value.values().stream().map(v -> REGEX_SPECIAL.matcher(v).replaceAll("\\\\$0")).toList();
                yield escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
            }
            default -> throw new IllegalArgumentException("no variable format for data source type " + datasourceType);
        };
    }
}
