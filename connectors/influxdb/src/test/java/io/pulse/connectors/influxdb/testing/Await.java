package io.pulse.connectors.influxdb.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.opentest4j.AssertionFailedError;

/** Polls a condition that another thread makes true. */
public final class Await {

    private Await() {}

    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError("not reached within " + timeout.toMillis() + " ms: " + state.get());
            }
            Thread.sleep(10);
        }
    }
}
