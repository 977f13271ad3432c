package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertRules;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins every reading with the rules in force (broadcast state) and emits its
 * {@link EvaluatedReading}. A new rules message replaces the old one for every reading after it,
 * without a restart. Keyed by device only to keep the stream partitioned for the CEP operators.
 */
public final class ApplyRules extends KeyedBroadcastProcessFunction<String, AlertInput, AlertRules, EvaluatedReading>
        implements ResultTypeQueryable<EvaluatedReading> {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyRules.class);

    @Override
    public void processElement(AlertInput input, ReadOnlyContext ctx, Collector<EvaluatedReading> out) throws Exception {
        out.collect(EvaluatedReading.evaluate(input, RulesBroadcast.current(ctx.getBroadcastState(RulesBroadcast.STATE))));
    }

    @Override
    public void processBroadcastElement(AlertRules rules, Context ctx, Collector<EvaluatedReading> out) throws Exception {
        ctx.getBroadcastState(RulesBroadcast.STATE).put(RulesBroadcast.CURRENT, rules);
        LOG.info("Alert rules version {} in force ({} device overrides)", rules.version(), rules.devices().size());
    }

    @Override
    public TypeInformation<EvaluatedReading> getProducedType() {
        return TypeInformation.of(EvaluatedReading.class);
    }
}
