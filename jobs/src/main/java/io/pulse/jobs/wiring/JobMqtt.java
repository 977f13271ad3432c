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
