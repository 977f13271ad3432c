package io.pulse.jobs.ingest;

import io.pulse.connectors.mqtt.MqttMessage;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses MQTT messages with a {@link MessageParser}: valid records go on, refused inputs leave
 * through the {@link #REJECTED} side output as {@link RejectedMessage}s and are counted in the
 * metric {@code rejectedMessages}. Nothing a device sends can fail the job: even a parser bug
 * becomes a rejection with the exception as the reason.
 */
public final class ParseStep<T> extends ProcessFunction<MqttMessage, T> implements ResultTypeQueryable<T> {

    public static final OutputTag<RejectedMessage> REJECTED =
            new OutputTag<>("rejected-messages", TypeInformation.of(RejectedMessage.class));

    private final String job;
    private final MessageParser<T> parser;
    private final TypeInformation<T> producedType;
    private transient Counter rejected;

    public ParseStep(String job, MessageParser<T> parser, Class<T> recordClass) {
        this.job = job;
        this.parser = parser;
        this.producedType = TypeInformation.of(recordClass);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return producedType;
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
        rejected = getRuntimeContext().getMetricGroup().counter("rejectedMessages");
    }

    @Override
    public void processElement(MqttMessage message, Context context, Collector<T> out) {
        Instant now = Instant.ofEpochMilli(context.timerService().currentProcessingTime());
        MessageParser.Rejects rejects = new MessageParser.Rejects() {
            @Override
            public void reject(String reason) {
                emit(context, message.topic(), message.payload(), reason, now);
            }

            @Override
            public void reject(String reason, String part) {
                emit(context, message.topic(), part.getBytes(StandardCharsets.UTF_8), reason, now);
            }
        };
        // Records are emitted after parsing, outside the try: an exception of a chained operator
        // downstream is a failure of the job (restored from its checkpoint), not a parser bug.
        List<T> parsed = new ArrayList<>(1);
        try {
            parser.parse(message, now, parsed::add, rejects);
        } catch (RuntimeException bug) {
            rejects.reject("internal error while parsing: " + bug);
        }
        parsed.forEach(out::collect);
    }

    private void emit(Context context, String topic, byte[] payload, String reason, Instant now) {
        rejected.inc();
        context.output(REJECTED, RejectedMessage.of(job, topic, parser.redact(payload), reason, now));
    }
}
