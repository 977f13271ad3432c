package io.pulse.jobs.energy.daily;

import io.pulse.jobs.energy.EnergySettings;
import io.pulse.jobs.energy.windows.EnergyWindow;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Daily totals from window rows, keyed by meter (one row per meter and day) or by the reserved
 * campus id (every meter's windows: one campus row per day, whose peak is the coincident peak of
 * all meters). Each window row replaces that window's earlier version. Changed days are written
 * at the next watermark, so the windows a watermark releases make one daily row, not one each.
 * A day's state is dropped once all its windows are final.
 */
public final class DailyTotals extends KeyedProcessFunction<String, EnergyWindow, DailyEnergy> {

    private static final long serialVersionUID = 1L;

    private final EnergySettings settings;

    /** "meterId@windowStart" → {energyWh, integratedMs}. */
    private transient MapState<String, double[]> windows;
    /** day start → whether it changed since its last row. */
    private transient MapState<Long, Boolean> days;
    private transient Counter dailyRows;

    public DailyTotals(EnergySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        windows = getRuntimeContext().getMapState(new MapStateDescriptor<>("day-windows", Types.STRING,
                PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        days = getRuntimeContext().getMapState(new MapStateDescriptor<>("days", Types.LONG, Types.BOOLEAN));
        dailyRows = getRuntimeContext().getMetricGroup().counter("dailyRows");
    }

    @Override
    public void processElement(EnergyWindow window, Context ctx, Collector<DailyEnergy> out) throws Exception {
        windows.put(window.meterId() + "@" + window.windowStart(),
                new double[] {window.energyWh(), window.integratedMs()});
        long day = DayMath.dayOf(window.windowStart());
        if (!days.contains(day)) {
            ctx.timerService().registerEventTimeTimer(settings.finalAt(day + DayMath.DAY_MS) + 1);
        }
        days.put(day, true);
        long watermark = ctx.timerService().currentWatermark();
        ctx.timerService().registerEventTimeTimer(watermark == Long.MAX_VALUE ? watermark : watermark + 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DailyEnergy> out) throws Exception {
        List<Long> changed = new ArrayList<>();
        List<Long> finished = new ArrayList<>();
        for (Map.Entry<Long, Boolean> day : days.entries()) {
            if (day.getValue()) {
                changed.add(day.getKey());
            }
            if (settings.finalAt(day.getKey() + DayMath.DAY_MS) < timestamp) {
                finished.add(day.getKey());
            }
        }
        for (long day : changed) {
            dailyRows.inc();
            out.collect(DayMath.day(ctx.getCurrentKey(), day, parts(day), settings.peakInterval().toMillis()));
            days.put(day, false);
        }
        for (long day : finished) {
            days.remove(day);
            List<String> keys = new ArrayList<>();
            for (String key : windows.keys()) {
                if (DayMath.dayOf(windowStart(key)) == day) {
                    keys.add(key);
                }
            }
            for (String key : keys) {
                windows.remove(key);
            }
        }
    }

    private List<DayMath.Part> parts(long day) throws Exception {
        List<DayMath.Part> parts = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : windows.entries()) {
            long start = windowStart(entry.getKey());
            if (DayMath.dayOf(start) == day) {
                String meter = entry.getKey().substring(0, entry.getKey().lastIndexOf('@'));
                parts.add(new DayMath.Part(meter, start, entry.getValue()[0], (long) entry.getValue()[1]));
            }
        }
        parts.sort(Comparator.comparingLong(DayMath.Part::windowStart).thenComparing(DayMath.Part::meterId));
        return parts;
    }

    private static long windowStart(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('@') + 1));
    }
}
