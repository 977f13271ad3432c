package io.pulse.launcher.demo.summary;

import java.time.Duration;

/**
 * How far the stored figures trail the clock, from the jobs' settings: each job's watermark
 * trails the newest event by its out-of-orderness, and results are written when the watermark
 * passes them (energy: when a window ends; updates come until {@code energyFinalAfter} later).
 */
public record Lags(Duration readingInterval, Duration telemetryOutOfOrderness, Duration movementOutOfOrderness,
                   Duration energyWindow, Duration energyOutOfOrderness, Duration energyFinalAfter,
                   Duration checkpointInterval) {
}
