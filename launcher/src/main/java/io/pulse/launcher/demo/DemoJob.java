package io.pulse.launcher.demo;

import io.pulse.connectors.mqtt.source.MqttSource;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The demo's Flink job: telemetry from {@code devices/+/telemetry} through Pulse's MQTT source,
 * summarized per device every few seconds, into a sink (the terminal, or a test's).
 */
public final class DemoJob {
    public static final String TOPIC = "devices/+/telemetry";
    public static final String CLIENT_ID_PREFIX = "pulse-demo-job";

    private DemoJob() {
    }

    /** Adds the demo pipeline to {@code env}. */
    public static void define(StreamExecutionEnvironment env, String brokerUri, Duration window,
            Sink<DemoSummary> sink) {
        MqttSource<TelemetryReading> source = MqttSource.<TelemetryReading>builder()
                .brokerUri(brokerUri)
                .topic(TOPIC)
                .clientIdPrefix(CLIENT_ID_PREFIX)
                .deserializer(new TelemetryJson())
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "MQTT " + TOPIC)
                .windowAll(TumblingProcessingTimeWindows.of(window))
                .process(new Summarize())
                .name("summary per device")
                .sinkTo(sink)
                .name("summary sink");
    }

    /** Per device: readings, last values and the hottest temperature of the window. */
    static final class Summarize
            extends ProcessAllWindowFunction<TelemetryReading, DemoSummary, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Context context, Iterable<TelemetryReading> readings,
                Collector<DemoSummary> out) {
            Map<String, DeviceStats> perDevice = new TreeMap<>();
            for (TelemetryReading r : readings) {
                perDevice.computeIfAbsent(r.deviceId, DeviceStats::new).add(r);
            }
            DemoSummary summary = new DemoSummary();
            summary.windowStart = context.window().getStart();
            summary.windowEnd = context.window().getEnd();
            summary.devices.addAll(perDevice.values());
            summary.devices.sort(Comparator.comparing(d -> d.deviceId));
            out.collect(summary);
        }
    }
}
