package io.pulse.launcher.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** The demo's sink: prints each summary as a small table on the terminal. */
public final class TerminalSummary implements Sink<DemoSummary> {
    private static final long serialVersionUID = 1L;
    /** The contract's OVERHEAT threshold, to point at the misbehaving device. */
    static final double OVERHEAT_C = 75;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Override
    public SinkWriter<DemoSummary> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(DemoSummary summary, Context ctx) {
                PrintStream out = System.out;
                out.print(format(summary));
                out.flush();
            }

            @Override
            public void flush(boolean endOfInput) {
                System.out.flush();
            }

            @Override
            public void close() throws IOException {
            }
        };
    }

    /** The table for one summary, e.g. for a 5 s window with 5 devices. */
    static String format(DemoSummary s) {
        String nl = System.lineSeparator();
        long seconds = Math.max(1, (s.windowEnd - s.windowStart) / 1000);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "[%s] %d readings from %d devices in the last %d s%n",
                TIME.format(Instant.ofEpochMilli(s.windowEnd)), s.readings(), s.devices.size(),
                seconds));
        if (s.devices.isEmpty()) {
            return sb.toString();
        }
        sb.append(String.format(Locale.ROOT, "  %-13s %4s %8s %8s %8s %8s %8s%n", "device", "msgs",
                "temp C", "max C", "hum %", "batt %", "vib g"));
        for (DeviceStats d : s.devices) {
            sb.append(String.format(Locale.ROOT, "  %-13s %4d %8s %8s %8s %8s %8s", d.deviceId,
                    d.readings, num(d.lastTemperature, 1), num(d.maxTemperature, 1),
                    num(d.lastHumidity, 1), num(d.lastBattery, 1), num(d.lastVibration, 2)));
            if (d.maxTemperature > OVERHEAT_C) {
                sb.append("  << OVERHEATING (over ").append((int) OVERHEAT_C).append(" C)");
            }
            sb.append(nl);
        }
        return sb.toString();
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
