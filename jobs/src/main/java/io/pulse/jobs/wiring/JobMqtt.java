package io.pulse.jobs.wiring;

import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.connectors.mqtt.sink.MqttRecordSerializer;
import io.pulse.connectors.mqtt.sink.MqttSink;
import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.connectors.mqtt.source.MqttSourceBuilder;
import io.pulse.jobs.options.JobOptions;

/** MQTT sources and sinks built from a job's {@code --mqtt.*} options. */
public final class JobMqtt {

    /**
     * Subtasks that read a job's input topic, whatever the job's parallelism (the parsing and the
     * event time chained to them run at the same; the keyed work after them at the job's).
     * More would add no capacity: every session of the partitioned mode receives every message
     * and keeps its share. And one reader makes one watermark, which never needs to be idle: with
     * a reader per session, a reader without messages had to be marked idle (source idleness) or
     * it held event time back, and after a quiet spell the subtasks that woke first set event time
     * for the others, whose alerts then came out of order: an OVERHEAT that never resolved
     * ({@code TelemetryIdleSourceITCase}: it failed so in full-suite runs, and at once with two readers again).
     */
    public static final int READERS = 1;

    private JobMqtt() {}

    /** A source of raw messages on {@code topic}; callers may refine it (e.g. broadcast). */
    public static MqttSourceBuilder<MqttMessage> source(JobOptions options, String topic, String clientIdPrefix) {
        MqttSourceBuilder<MqttMessage> builder = MqttSource.<MqttMessage>builder()
                .brokerUri(options.mqttBroker())
                .topic(topic)
                .clientIdPrefix(clientIdPrefix)
                .deserializer(MqttDeserializer.raw());
        options.mqttUsername().ifPresent(user -> builder.credentials(user, options.mqttPassword().orElse(null)));
        options.mqttTrustStore().ifPresent(store -> builder.trustStore(store, options.mqttTrustStorePassword().orElse(null)));
        options.mqttSpoolDir().ifPresent(builder::spoolDirectory);
        return builder;
    }

    public static <T> MqttSink<T> sink(JobOptions options, String clientIdPrefix, MqttRecordSerializer<T> serializer) {
        var builder = MqttSink.<T>builder()
                .brokerUri(options.mqttBroker())
                .clientIdPrefix(clientIdPrefix)
                .serializer(serializer);
        options.mqttUsername().ifPresent(user -> builder.credentials(user, options.mqttPassword().orElse(null)));
        options.mqttTrustStore().ifPresent(store -> builder.trustStore(store, options.mqttTrustStorePassword().orElse(null)));
        return builder.build();
    }
}
