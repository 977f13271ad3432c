package io.pulse.jobs.telemetry;

import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.telemetry.alerts.AlertStreams;
import io.pulse.jobs.telemetry.health.DeviceStatus;
import io.pulse.jobs.telemetry.quality.ScoredReading;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * What the telemetry processing produces, for the job (or a benchmark) to send somewhere:
 * valid readings past dedup (in arrival order, not waiting for the watermark), scored readings, alerts with their events and commands, device status (with registrations
 * and health changes as side outputs of {@code status}) the readings refused as late and
 * the repeats dropped (to count them).
 */
public record TelemetryStreams(
        DataStream<Reading> readings,
        DataStream<ScoredReading> scored,
        AlertStreams alerts,
        SingleOutputStreamOperator<DeviceStatus> status,
        DataStream<RejectedMessage> late,
        DataStream<Reading> duplicates) {
}
