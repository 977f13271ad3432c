package io.pulse.jobs.movement.occupancy;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * People inside per key (a gate, or {@link Occupancy#CAMPUS}) in event time. Changes are applied
 * once the watermark passes the second they happened in; a second with a change writes one row,
 * at the time of its last change (so a busy campus writes at most one row per key and second),
 * and every minute boundary writes the count too, so a dashboard always has a value less than a
 * minute old.
 */
public final class OccupancyCounter extends KeyedProcessFunction<String, OccupancyChange, Occupancy> {

    static final long SECOND = 1_000L;
    static final long MINUTE = 60_000L;

    private transient ValueState<Integer> inside;
    private transient ValueState<Long> nextMinute;
    private transient MapState<Long, PendingSecond> pending;

    @Override
    public void open(OpenContext openContext) {
        inside = getRuntimeContext().getState(new ValueStateDescriptor<>("inside", Types.INT));
        nextMinute = getRuntimeContext().getState(new ValueStateDescriptor<>("next-minute", Types.LONG));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-seconds", Types.LONG,
                TypeInformation.of(PendingSecond.class)));
    }

    @Override
    public void processElement(OccupancyChange change, Context ctx, Collector<Occupancy> out) throws Exception {
        // A second's changes make one row, at the second's last millisecond; a change exactly at a
        // minute boundary is applied at the boundary itself, before that minute's row, so the two
        // rows there agree (a store that keeps the first write of a timestamp would otherwise keep
        // the count from before the change).
        long flushAt = Math.floorMod(change.ts(), MINUTE) == 0 ? change.ts()
                : change.ts() - Math.floorMod(change.ts(), SECOND) + SECOND - 1;
        PendingSecond p = pending.get(flushAt);
        if (p == null) {
            ctx.timerService().registerEventTimeTimer(flushAt);
            p = new PendingSecond(0, change.ts());
        }
        pending.put(flushAt, new PendingSecond(p.delta() + change.delta(), Math.max(p.lastChange(), change.ts())));
        // Changes reach this key in any order (from every visits subtask): the minute rows start
        // after the earliest of them.
        long minute = (change.ts() / MINUTE + 1) * MINUTE;
        Long next = nextMinute.value();
        if (next == null || minute < next) {
            if (next != null) {
                ctx.timerService().deleteEventTimeTimer(next);
            }
            nextMinute.update(minute);
            ctx.timerService().registerEventTimeTimer(minute);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Occupancy> out) throws Exception {
        int now = inside.value() == null ? 0 : inside.value();
        PendingSecond p = pending.get(timestamp);
        if (p != null) {
            pending.remove(timestamp);
            if (p.delta() != 0) {
                now += p.delta();
                inside.update(now);
                out.collect(new Occupancy(ctx.getCurrentKey(), p.lastChange(), now));
            }
        }
        Long minute = nextMinute.value();
        if (minute != null && timestamp == minute) {
            out.collect(new Occupancy(ctx.getCurrentKey(), timestamp, now));
            // At the end of input the watermark jumps to the end of time: minute rows stop there.
            if (ctx.timerService().currentWatermark() != Long.MAX_VALUE) {
                nextMinute.update(minute + MINUTE);
                ctx.timerService().registerEventTimeTimer(minute + MINUTE);
            }
        }
    }
}
