package io.pulse.bridge.modbus;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pulse.bridge.reading.MeterReading;

/**
 * Polls the meters of one bus, each at its own interval, on ONE thread: a Modbus line answers one
 * request at a time, so the meters of a bus take turns.
 */
public final class BusPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BusPoller.class);

    /** A meter on this bus and how often to read it. */
    public record PolledMeter(MeterReader reader, long intervalMs) {}

    /** Where poll outcomes go. */
    public interface Outcomes {
        void reading(MeterReading reading);

        void fault(String meterId, String reason);
    }

    private final ModbusLine line;
    private final List<PolledMeter> meters;
    private final Outcomes outcomes;
    private final ScheduledExecutorService thread;

    public BusPoller(String busName, ModbusLine line, List<PolledMeter> meters, Outcomes outcomes) {
        this.line = line;
        this.meters = meters;
        this.outcomes = outcomes;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "modbus-" + busName);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        for (PolledMeter meter : meters) {
            thread.scheduleAtFixedRate(() -> poll(meter.reader()), 0, meter.intervalMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void poll(MeterReader reader) {
        try {
            outcomes.reading(reader.read(line));
        } catch (MeterFault e) {
            outcomes.fault(reader.meterId(), e.getMessage());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: report and keep polling
            LOG.error("polling meter {} failed unexpectedly", reader.meterId(), e);
            outcomes.fault(reader.meterId(), "bridge error: " + e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("poller of {} did not stop within 10 s", line.describe());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.close();
    }
}
