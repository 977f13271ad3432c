package io.pulse.jobs.energy;

import io.pulse.jobs.energy.daily.DailyEnergy;
import io.pulse.jobs.energy.daily.DailyTotals;
import io.pulse.jobs.energy.integration.EnergyIntegrator;
import io.pulse.jobs.energy.windows.EnergyWindow;
import io.pulse.jobs.serialization.StringKeyTypeInfo;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;


/**
 * The energy job's processing, from valid readings to its result streams: event time (bounded
 * out-of-orderness) → per meter: dedup, late, integration into windows → daily totals per meter
 * and for the campus ({@link MeterParser#CAMPUS}). Sources and sinks are the caller's, so the job
 * and its benchmark run the same operators.
 */
public final class EnergyPipeline {


    private EnergyPipeline() {}

    /** @param readings valid readings without timestamps (they are assigned here from {@code ts}) */
    public static EnergyStreams process(DataStream<MeterReading> readings, EnergySettings settings) {
        DataStream<MeterReading> timed = readings
                .assignTimestampsAndWatermarks(WatermarkStrategy.<MeterReading>forBoundedOutOfOrderness(settings.outOfOrderness())
                        .withTimestampAssigner((reading, previous) -> reading.ts()))
                .name("energy: event time")
                .setParallelism(readings.getParallelism()); // one watermark, chained to the one reader

        SingleOutputStreamOperator<EnergyWindow> windows = timed
                .keyBy(MeterReading::meterId, StringKeyTypeInfo.INSTANCE)
                .process(new EnergyIntegrator(settings)).name("energy: integrate 5-min windows").uid("energy-integrate");

        DataStream<DailyEnergy> perMeter = windows
                .keyBy(EnergyWindow::meterId, StringKeyTypeInfo.INSTANCE)
                .process(new DailyTotals(settings)).name("energy: daily per meter").uid("energy-daily-meter");
        DataStream<DailyEnergy> campus = windows
                .keyBy(w -> MeterParser.CAMPUS, StringKeyTypeInfo.INSTANCE)
                .process(new DailyTotals(settings)).name("energy: daily campus").uid("energy-daily-campus");

        return new EnergyStreams(windows.getSideOutput(EnergyIntegrator.ACCEPTED), windows, perMeter.union(campus),
                windows.getSideOutput(EnergyIntegrator.REJECTED), windows.getSideOutput(EnergyIntegrator.DUPLICATES));
    }
}
