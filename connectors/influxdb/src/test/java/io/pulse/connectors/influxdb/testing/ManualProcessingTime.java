package io.pulse.connectors.influxdb.testing;

import org.apache.flink.api.common.operators.ProcessingTimeService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * A processing-time clock that moves only when the test says so, and fires due timers on the
 * test's thread, as Flink's mailbox would on the task thread.
 */
public final class ManualProcessingTime implements ProcessingTimeService {

    private record Timer(long at, ProcessingTimeCallback callback) {}

    private final List<Timer> timers = new ArrayList<>();
    private long now;

    @Override
    public long getCurrentProcessingTime() {
        return now;
    }

    /** The writer ignores the returned future; so does this clock. */
    @Override
    public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback) {
        timers.add(new Timer(timestamp, callback));
        return null;
    }

    /** Moves the clock without firing timers: time that passed while the task was busy. */
    public void set(long millis) {
        now = millis;
    }

    /** Moves the clock and fires every timer due by then, in time order. */
    public void advanceTo(long millis) throws Exception {
        now = millis;
        while (true) {
            Timer next = timers.stream().filter(t -> t.at() <= now).min(Comparator.comparingLong(Timer::at)).orElse(null);
            if (next == null) {
                return;
            }
            timers.remove(next);
            next.callback().onProcessingTime(next.at());
        }
    }

    public int pendingTimers() {
        return timers.size();
    }
}
