package io.pulse.connectors.mqtt.source.reader;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The future a source task waits on while no message is readable. Sessions complete it after each
 * commit; the reader replaces it before it checks its spools one last time, so a commit between
 * that check and the wait is never missed.
 */
final class ReaderAvailability {

    private final AtomicReference<CompletableFuture<Void>> future =
            new AtomicReference<>(CompletableFuture.completedFuture(null));

    void signal() {
        future.get().complete(null);
    }

    /** A fresh future to wait on; call before the last check for data. */
    void reset() {
        CompletableFuture<Void> current = future.get();
        if (current.isDone()) {
            future.compareAndSet(current, new CompletableFuture<>());
        }
    }

    CompletableFuture<Void> future() {
        return future.get();
    }
}
