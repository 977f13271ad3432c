package io.pulse.connectors.influxdb;

import io.pulse.connectors.influxdb.write.InfluxWriteClient;
import io.pulse.connectors.influxdb.write.PointBuffer.Batch;
import io.pulse.connectors.influxdb.write.RetryPolicy;
import io.pulse.connectors.influxdb.write.WriteFailure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes batches one at a time on a thread of its own, each with the client's blocking write API
 * and the retry policy, so that the task thread renders the next batch while the server takes
 * this one. At most one batch is in flight: {@link #send} first waits for the previous one, which
 * keeps batches in order and is the backpressure. {@link #awaitWritten} waits until nothing is in
 * flight; the writer calls it in every flush, so a checkpoint still completes only after the
 * server accepted everything before it. A batch that fails for good fails the next call here.
 */
final class BatchSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);

    private final SinkOptions options;
    private final InfluxWriteClient client;
    private final InfluxSinkMetrics metrics;
    private final String name;
    private final ExecutorService thread;
    private Future<?> inFlight; // task thread only
    private volatile int unwrittenPoints; // handed over and not yet accepted by the server

    BatchSender(SinkOptions options, InfluxWriteClient client, InfluxSinkMetrics metrics, String name) {
        this.options = options;
        this.client = client;
        this.metrics = metrics;
        this.name = name;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name.replace(' ', '-'));
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits for the batch in flight, then starts writing this one. */
    void send(Batch batch) throws IOException, InterruptedException {
        awaitWritten();
        unwrittenPoints = batch.points();
        inFlight = thread.submit(() -> {
            writeWithRetries(batch);
            return null;
        });
    }

    /** Returns once the batch in flight, if any, is written; throws if it could not be. */
    void awaitWritten() throws IOException, InterruptedException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
            inFlight = null;
        } catch (ExecutionException e) {
            inFlight = null;
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException) {
                throw new InterruptedException(name + " was interrupted while writing to " + options.target());
            }
            throw new IOException(name + " failed writing to " + options.target(), cause);
        }
    }

    /** Points handed over and not yet accepted (also those of a batch that failed for good). */
    int unwrittenPoints() {
        return unwrittenPoints;
    }

    private void writeWithRetries(Batch batch) throws IOException, InterruptedException {
        RetryPolicy retry = options.retryPolicy();
        long firstAttempt = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                client.write(batch.body());
                unwrittenPoints = 0;
                metrics.written(batch.points(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                if (attempt > 1) {
                    LOG.info("{}: {} points written to {} at attempt {} after {} ms", name, batch.points(),
                            options.target(), attempt, millisSince(firstAttempt));
                }
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                WriteFailure failure = WriteFailure.of(e);
                if (!failure.retryable() || attempt >= retry.maxAttempts()) {
                    metrics.failed(batch.points());
                    throw new InfluxWriteException(describe(failure, batch.points(), attempt, firstAttempt),
                            options.bucket(), failure.status(), e);
                }
                long backoff = retry.backoffMillis(attempt - 1);
                metrics.retried();
                LOG.warn("{}: writing {} points to {} failed ({}); attempt {} of {} in {} ms", name, batch.points(),
                        options.target(), failure.summary(), attempt + 1, retry.maxAttempts(), backoff);
                Thread.sleep(backoff);
            }
        }
    }

    private String describe(WriteFailure failure, int points, int attempts, long firstAttempt) {
        String hint = failure.hint().isEmpty() ? "" : "; " + failure.hint();
        if (!failure.retryable()) {
            return options.target() + " refused " + pointCount(points) + ": " + failure.summary() + hint;
        }
        return options.target() + " did not take " + pointCount(points) + " in " + attempts + " attempts over "
                + millisSince(firstAttempt) + " ms: " + failure.summary() + "; the job restarts from its last checkpoint";
    }

    private static String pointCount(int n) {
        return n == 1 ? "1 point" : n + " points";
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** Stops the thread; a batch still in flight (only after a failure or cancel) is abandoned. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{}: the sender thread did not stop within 10 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
