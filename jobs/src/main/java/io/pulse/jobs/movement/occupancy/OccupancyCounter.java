package io.pulse.jobs.movement.occupancy;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * People inside per key (a gate, or {@link Occupancy#CAMPUS}) in event time: changes are applied
 * in time order once the watermark passes them, and the count is written at every change and at
 * every minute boundary, so a dashboard always has a value less than a minute old.
 */
public final class OccupancyCounter extends KeyedProcessFunction<String, OccupancyChange, Occupancy> {

    static final long MINUTE = 60_000L;

    private transient ValueState<Integer> inside;
    private transient ValueState<Long> nextMinute;
    private transient MapState<Long, Integer> pending;

    @Override
    public void open(OpenContext openContext) {
        inside = getRuntimeContext().getState(new ValueStateDescriptor<>("inside", Types.INT));
        nextMinute = getRuntimeContext().getState(new ValueStateDescriptor<>("next-minute", Types.LONG));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-changes", Types.LONG, Types.INT));
    }

    @Override
    public void processElement(OccupancyChange change, Context ctx, Collector<Occupancy> out) throws Exception {
        Integer sum = pending.get(change.ts());
        pending.put(change.ts(), (sum == null ? 0 : sum) + change.delta());
        ctx.timerService().registerEventTimeTimer(change.ts());
        if (nextMinute.value() == null) {
            long minute = (change.ts() / MINUTE + 1) * MINUTE;
            nextMinute.update(minute);
            ctx.timerService().registerEventTimeTimer(minute);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Occupancy> out) throws Exception {
        Integer delta = pending.get(timestamp);
        int now = inside.value() == null ? 0 : inside.value();
        if (delta != null) {
            pending.remove(timestamp);
            now += delta;
            inside.update(now);
        }
        Long minute = nextMinute.value();
        boolean minuteMark = minute != null && timestamp == minute;
        // At the end of input the watermark jumps to the end of time: minute rows stop there.
        if (minuteMark && ctx.timerService().currentWatermark() != Long.MAX_VALUE) {
            nextMinute.update(minute + MINUTE);
            ctx.timerService().registerEventTimeTimer(minute + MINUTE);
        }
        if (delta != null || minuteMark) {
            out.collect(new Occupancy(ctx.getCurrentKey(), timestamp, now));
        }
    }
}
