package io.pulse.jobs.telemetry.alerts;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What {@link AlertsPipeline} produces.
 *
 * @param evaluated every reading with its flags (useful to health scoring: it knows the rules in force)
 * @param alerts    rows for {@link Alert#TABLE}
 * @param events    for {@code alerts/{deviceId}}: {@link AlertEvent#MQTT}
 * @param commands  for {@code devices/{deviceId}/commands}: {@link DeviceCommand#MQTT}
 */
public record AlertStreams(
        DataStream<EvaluatedReading> evaluated,
        DataStream<Alert> alerts,
        DataStream<AlertEvent> events,
        DataStream<DeviceCommand> commands) {
}
