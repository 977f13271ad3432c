package io.pulse.connectors.influxdb;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes points to the InfluxDB v2 write API ({@code POST /api/v2/write}). At least once, and
 * idempotent by the points' identity (measurement + tags + timestamp): every checkpoint waits
 * until the server accepted everything written before it, and what a restart replays
 * overwrites itself. Build it with {@link #builder()}.
 */
public final class InfluxSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final SinkOptions options;
    private final InfluxPointMapper<T> mapper;

    InfluxSink(SinkOptions options, InfluxPointMapper<T> mapper) {
        this.options = options;
        this.mapper = mapper;
    }

    public static <T> InfluxSinkBuilder<T> builder() {
        return new InfluxSinkBuilder<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new InfluxSinkWriter<>(options, mapper, context.getProcessingTimeService(), context.metricGroup(),
                context.getTaskInfo().getIndexOfThisSubtask());
    }

    SinkOptions options() {
        return options;
    }

    InfluxPointMapper<T> mapper() {
        return mapper;
    }

    @Override
    public String toString() {
        return "InfluxSink{" + options + "}";
    }
}
