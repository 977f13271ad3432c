package io.pulse.jobs.energy;

import io.pulse.jobs.energy.daily.DailyEnergy;
import io.pulse.jobs.energy.windows.EnergyWindow;
import io.pulse.jobs.ingest.RejectedMessage;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the energy processing produces, for the job (or a benchmark) to send somewhere: the
 * accepted readings (deduplicated, not late), window rows, daily rows (per meter and campus), the
 * readings refused as late and the repeats dropped (to count them).
 */
public record EnergyStreams(DataStream<MeterReading> accepted, DataStream<EnergyWindow> windows,
                            DataStream<DailyEnergy> daily, DataStream<RejectedMessage> late,
                            DataStream<MeterReading> duplicates) {
}
