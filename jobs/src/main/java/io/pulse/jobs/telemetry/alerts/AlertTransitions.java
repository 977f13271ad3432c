package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.rules.AlertType;
import io.pulse.jobs.telemetry.rules.Rule;
import io.pulse.jobs.telemetry.rules.Severity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alert lifecycle of one device as pure functions over its open alerts (at most one per
 * type): matches open alerts, readings resolve them once the condition has cleared. Signals must
 * come in event-time order; {@link AlertLifecycle} sees to that.
 *
 * <p>When a condition clears:
 * <ul>
 *   <li>OVERHEAT, HIGH_VIBRATION: a reading at or below threshold - hysteresis. A temperature
 *       hovering around the threshold keeps the alert open instead of opening a new one each time.</li>
 *   <li>LOW_BATTERY: a reading at or above threshold + hysteresis.</li>
 *   <li>BATTERY_DROP, ANOMALY_BURST, FIRE_RISK are events, not levels: they resolve at the first
 *       reading that is itself no trigger and comes at least the pattern's window after the last
 *       trigger (last fall, last anomalous reading, last high gas or flame).</li>
 *   <li>Any type the rules have switched off resolves at the device's next reading.</li>
 * </ul>
 */
public final class AlertTransitions implements Serializable {

    private final PatternSettings settings;

    public AlertTransitions(PatternSettings settings) {
        this.settings = settings;
    }

    /** A pattern matched: opens its alert unless one of the type is open already (then only notes the trigger). */
    public List<AlertEvent> onMatch(AlertMatch m, AlertRules rules, Map<AlertType, OpenAlert> open) {
        Rule rule = rules.rule(m.deviceId(), m.type());
        if (!rule.enabled()) {
            return List.of(); // switched off after the reading was evaluated
        }
        OpenAlert existing = open.get(m.type());
        if (existing != null) {
            open.put(m.type(), existing.triggeredAt(m.ts()));
            return List.of();
        }
        Alert alert = Alert.open(m.deviceId(), m.type(), m.type().severity(), m.ts(), m.value(),
                AlertMessages.opened(m, rule, settings));
        open.put(m.type(), new OpenAlert(alert, m.ts()));
        return List.of(AlertEvent.opened(alert));
    }

    /** A reading: may open or escalate LOW_BATTERY, and resolves what has cleared. */
    public List<AlertEvent> onReading(EvaluatedReading r, AlertRules rules, Map<AlertType, OpenAlert> open) {
        List<AlertEvent> events = new ArrayList<>(1);
        Map<AlertType, Rule> device = rules.forDevice(r.deviceId());
        if (r.batteryLow()) {
            lowBattery(r, device.get(AlertType.LOW_BATTERY), open, events);
        }
        for (AlertType type : List.copyOf(open.keySet())) {
            OpenAlert current = open.get(type);
            if (triggers(type, r)) {
                current = current.triggeredAt(r.ts());
                open.put(type, current);
            }
            if (cleared(type, r, device.get(type), current)) {
                open.remove(type);
                Alert alert = current.alert();
                events.add(AlertEvent.resolved(alert.resolved(r.ts(), alert.value(), AlertMessages.resolved(alert, r))));
            }
        }
        return events;
    }

    private static void lowBattery(EvaluatedReading r, Rule rule, Map<AlertType, OpenAlert> open, List<AlertEvent> events) {
        Severity severity = r.batteryCritical() ? Severity.HIGH : AlertType.LOW_BATTERY.severity();
        OpenAlert existing = open.get(AlertType.LOW_BATTERY);
        if (existing == null) {
            Alert alert = Alert.open(r.deviceId(), AlertType.LOW_BATTERY, severity, r.ts(), r.battery(),
                    AlertMessages.lowBattery(r, rule));
            open.put(AlertType.LOW_BATTERY, new OpenAlert(alert, r.ts()));
            events.add(AlertEvent.opened(alert));
        } else if (severity.compareTo(existing.alert().severity()) > 0) {
            Alert alert = existing.alert().escalated(severity, r.battery(), AlertMessages.lowBattery(r, rule));
            open.put(AlertType.LOW_BATTERY, new OpenAlert(alert, r.ts()));
            events.add(AlertEvent.escalated(alert));
        }
    }

    /** Whether the reading shows the condition of an event-like alert still happening. */
    static boolean triggers(AlertType type, EvaluatedReading r) {
        return switch (type) {
            case ANOMALY_BURST -> r.anomalous();
            case FIRE_RISK -> r.gasHigh() || r.flame();
            default -> false; // BATTERY_DROP: later falls arrive as matches
        };
    }

    boolean cleared(AlertType type, EvaluatedReading r, Rule rule, OpenAlert open) {
        if (!rule.enabled()) {
            return true;
        }
        long quiet = r.ts() - open.lastTriggerTs();
        return switch (type) {
            case OVERHEAT -> r.temperature() <= rule.threshold() - rule.hysteresis();       // NaN: false
            case HIGH_VIBRATION -> r.vibration() <= rule.threshold() - rule.hysteresis();
            case LOW_BATTERY -> r.battery() >= rule.threshold() + rule.hysteresis();
            case BATTERY_DROP -> r.hasBattery() && quiet >= settings.batteryDropWithin().toMillis();
            case ANOMALY_BURST -> !r.anomalous() && quiet >= settings.anomalyWithin().toMillis();
            case FIRE_RISK -> !(r.gasHigh() || r.flame()) && quiet >= settings.fireRiskWithin().toMillis();
            case OFFLINE -> false; // OfflineDetector's
        };
    }
}
