package io.pulse.jobs.telemetry.alerts;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * At most one wall-clock time per {@value #EVERY_MS} ms while readings arrive here, broadcast to
 * every subtask of the OFFLINE detector: "Pulse is receiving". A subtask whose own devices are
 * all silent learns from these that the silence is theirs, not Pulse's ({@link FleetSilence}).
 * Pulses travel the readings' path, so a stalled job sends none.
 */
public final class ArrivalPulses extends ProcessFunction<EvaluatedReading, Long> {

    private static final long serialVersionUID = 1L;

    static final long EVERY_MS = 1_000;
    /** The broadcast needs a state descriptor; the detector keeps nothing in it. */
    public static final MapStateDescriptor<Void, Void> BROADCAST =
            new MapStateDescriptor<>("arrival-pulses", Types.VOID, Types.VOID);

    private transient long lastSent; // 0 after deserialization: the first reading sends one

    @Override
    public void processElement(EvaluatedReading reading, Context ctx, Collector<Long> out) {
        long now = ctx.timerService().currentProcessingTime();
        if (now - lastSent >= EVERY_MS) {
            lastSent = now;
            out.collect(now);
        }
    }
}
