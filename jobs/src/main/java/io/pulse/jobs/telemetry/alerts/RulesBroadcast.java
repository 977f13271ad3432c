package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertRules;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The broadcast state holding the rules in force: one entry. Every operator that reads rules uses
 * this descriptor, so one {@code rules.broadcast(RulesBroadcast.STATE)} feeds them all.
 */
public final class RulesBroadcast {

    public static final MapStateDescriptor<String, AlertRules> STATE =
            new MapStateDescriptor<>("alert-rules", Types.STRING, TypeInformation.of(AlertRules.class));

    static final String CURRENT = "current";

    private RulesBroadcast() {}

    /** The rules in force; the contract's defaults until the first valid rules message. */
    public static AlertRules current(ReadOnlyBroadcastState<String, AlertRules> state) throws Exception {
        AlertRules rules = state.get(CURRENT);
        return rules != null ? rules : AlertRules.DEFAULTS;
    }
}
