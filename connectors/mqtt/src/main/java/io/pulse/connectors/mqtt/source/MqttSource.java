package io.pulse.connectors.mqtt.source;

import io.pulse.connectors.mqtt.MqttDeadLetterMapper;
import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.source.enumerator.MqttEnumeratorState;
import io.pulse.connectors.mqtt.source.enumerator.MqttEnumeratorStateSerializer;
import io.pulse.connectors.mqtt.source.enumerator.MqttSessionEnumerator;
import io.pulse.connectors.mqtt.source.reader.MqttSourceReader;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplitSerializer;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * An unbounded Flink source reading MQTT 5 topics. Build it with {@link #builder()}; see
 * {@link MqttSourceBuilder} for every option. Each parallel reader owns one persistent session;
 * by default every session subscribes with a plain filter and keeps the topics that hash to it,
 * writing what it receives to a write-ahead spool before acknowledging it.
 */
public final class MqttSource<T>
        implements Source<T, MqttSessionSplit, MqttEnumeratorState>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final MqttSourceOptions options;
    private final MqttDeserializer<T> deserializer;
    private final MqttDeadLetterMapper<T> deadLetterMapper;

    MqttSource(MqttSourceOptions options, MqttDeserializer<T> deserializer, MqttDeadLetterMapper<T> deadLetterMapper) {
        this.options = options;
        this.deserializer = deserializer;
        this.deadLetterMapper = deadLetterMapper;
    }

    public static <T> MqttSourceBuilder<T> builder() {
        return new MqttSourceBuilder<>();
    }

    public MqttSourceOptions options() {
        return options;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T, MqttSessionSplit> createReader(SourceReaderContext readerContext) {
        return new MqttSourceReader<>(readerContext, options, deserializer, deadLetterMapper);
    }

    @Override
    public SplitEnumerator<MqttSessionSplit, MqttEnumeratorState> createEnumerator(
            SplitEnumeratorContext<MqttSessionSplit> context) {
        return new MqttSessionEnumerator(context, MqttEnumeratorState.empty(), options.clientIdPrefix());
    }

    @Override
    public SplitEnumerator<MqttSessionSplit, MqttEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<MqttSessionSplit> context, MqttEnumeratorState checkpoint) {
        return new MqttSessionEnumerator(context, checkpoint, options.clientIdPrefix());
    }

    @Override
    public SimpleVersionedSerializer<MqttSessionSplit> getSplitSerializer() {
        return new MqttSessionSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<MqttEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new MqttEnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return deserializer.getProducedType();
    }
}
