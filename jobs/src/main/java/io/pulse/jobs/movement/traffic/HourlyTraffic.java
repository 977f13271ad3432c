package io.pulse.jobs.movement.traffic;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entries, exits and randomized sightings per gate and UTC hour. Counts are written (upserted)
 * when the watermark passes the next minute boundary after a change, so a busy gate makes one
 * row write a minute, not one per person; an hour's state is dropped once the watermark has
 * passed its end (its last write is then final). An event for an hour already final is not counted.
 */
public final class HourlyTraffic extends KeyedProcessFunction<String, TrafficEvent, GateTraffic> {

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;

    private transient MapState<Long, HourCounts> hours;
    private transient Counter tooLate;

    @Override
    public void open(OpenContext openContext) {
        hours = getRuntimeContext().getMapState(new MapStateDescriptor<>("hour-counts", Types.LONG,
                TypeInformation.of(HourCounts.class)));
        tooLate = getRuntimeContext().getMetricGroup().counter("trafficAfterItsHourClosed");
    }

    @Override
    public void processElement(TrafficEvent event, Context ctx, Collector<GateTraffic> out) throws Exception {
        long hour = event.ts() - Math.floorMod(event.ts(), HOUR);
        if (hour + HOUR <= ctx.timerService().currentWatermark()) {
            tooLate.inc();
            return;
        }
        HourCounts counts = hours.get(hour);
        if (counts == null) {
            ctx.timerService().registerEventTimeTimer(hour + HOUR); // the hour's final write and clean-up
        }
        hours.put(hour, (counts == null ? HourCounts.NONE : counts).plus(event.kind()));
        long flushAt = event.ts() - Math.floorMod(event.ts(), MINUTE) + MINUTE;
        ctx.timerService().registerEventTimeTimer(Math.max(flushAt, ctx.timerService().currentWatermark() + 1));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<GateTraffic> out) throws Exception {
        List<Long> finished = new ArrayList<>();
        for (Map.Entry<Long, HourCounts> entry : hours.entries()) {
            HourCounts counts = entry.getValue();
            if (counts.changed()) {
                out.collect(new GateTraffic(ctx.getCurrentKey(), entry.getKey(), counts.entries(), counts.exits(), counts.randomized()));
                entry.setValue(counts.written());
            }
            if (entry.getKey() + HOUR <= timestamp) {
                finished.add(entry.getKey());
            }
        }
        for (Long hour : finished) {
            hours.remove(hour);
        }
    }
}
