package io.pulse.bench.movement;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Discards every record and counts it by name (the MiniCluster runs in this JVM): a sink at no cost. */
final class CountingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private final String name;

    CountingSink(String name) {
        this.name = name;
    }

    static void reset() {
        COUNTS.clear();
    }

    static Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        COUNTS.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        LongAdder count = COUNTS.computeIfAbsent(name, k -> new LongAdder());
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                count.increment();
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
