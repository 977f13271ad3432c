package io.pulse.jobs.ingest;

import java.io.Serializable;

/**
 * A contract topic with one variable segment, e.g. {@code devices/{deviceId}/telemetry}: gives the
 * subscription filter ({@code devices/+/telemetry}) and reads the variable from a topic.
 */
public final class TopicPattern implements Serializable {

    private final String prefix;
    private final String suffix;
    private final String variable;

    public TopicPattern(String pattern) {
        int open = pattern.indexOf('{');
        int close = pattern.indexOf('}');
        if (open < 0 || close < open || pattern.indexOf('{', close) >= 0) {
            throw new IllegalArgumentException("topic pattern needs exactly one {variable}: " + pattern);
        }
        this.prefix = pattern.substring(0, open);
        this.suffix = pattern.substring(close + 1);
        this.variable = pattern.substring(open + 1, close);
    }

    public String filter() {
        return prefix + "+" + suffix;
    }

    public String variable() {
        return variable;
    }

    /** The variable segment of {@code topic}, or a rejection when the topic does not match. */
    public String extract(String topic) throws Rejection {
        if (topic.length() > prefix.length() + suffix.length() && topic.startsWith(prefix) && topic.endsWith(suffix)) {
            String value = topic.substring(prefix.length(), topic.length() - suffix.length());
            if (!value.isEmpty() && value.indexOf('/') < 0) {
                return value;
            }
        }
        throw new Rejection("topic '" + Printable.abbreviate(topic, 120) + "' does not match " + prefix + "{" + variable + "}" + suffix);
    }
}
