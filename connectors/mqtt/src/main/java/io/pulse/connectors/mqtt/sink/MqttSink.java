package io.pulse.connectors.mqtt.sink;

import io.pulse.connectors.mqtt.MqttConnectionOptions;
import io.pulse.connectors.mqtt.client.ReconnectBackoff;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Publishes records to MQTT (alerts, commands, retained config). At least once: a checkpoint
 * completes only after the broker acknowledged every message published before it.
 * Build it with {@link #builder()}.
 */
public final class MqttSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final MqttConnectionOptions connection;
    private final String clientIdPrefix;
    private final int maxInFlight;
    private final ReconnectBackoff reconnectBackoff;
    private final MqttRecordSerializer<T> serializer;

    MqttSink(MqttConnectionOptions connection, String clientIdPrefix, int maxInFlight,
             ReconnectBackoff reconnectBackoff, MqttRecordSerializer<T> serializer) {
        this.connection = connection;
        this.clientIdPrefix = clientIdPrefix;
        this.maxInFlight = maxInFlight;
        this.reconnectBackoff = reconnectBackoff;
        this.serializer = serializer;
    }

    public static <T> MqttSinkBuilder<T> builder() {
        return new MqttSinkBuilder<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        String clientId = clientIdPrefix + "-" + context.getTaskInfo().getIndexOfThisSubtask();
        return new MqttSinkWriter<>(connection, clientId, maxInFlight, reconnectBackoff, serializer, context.metricGroup());
    }
}
