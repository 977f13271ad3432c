package io.pulse.bench.mqtt;

import io.pulse.connectors.mqtt.MqttMessage;

import org.apache.flink.api.common.functions.MapFunction;

/**
 * Chained between the source and the discarding sink: reads a message's {@code "seq"} (as a job's
 * parse step reads its payload) and marks it in the round's {@link Arrivals}.
 */
final class MarkArrival implements MapFunction<MqttMessage, Long> {

    private static final long serialVersionUID = 1L;

    private final String arrivals;
    private transient Arrivals marked;

    MarkArrival(String arrivals) {
        this.arrivals = arrivals;
    }

    @Override
    public Long map(MqttMessage message) {
        if (marked == null) {
            marked = Arrivals.named(arrivals);
        }
        long seq = Telemetry.seq(message.payload());
        marked.mark(seq);
        return seq;
    }
}
