package io.pulse.bench;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A sink that discards every record and counts it under a name, in a static map: the local
 * MiniCluster runs in this JVM, so the benchmark reads the counts after the job (to check that
 * every round produced the same outputs). Costs one LongAdder increment per record.
 */
public final class CountingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private final String name;

    public CountingSink(String name) {
        this.name = name;
    }

    public static void reset() {
        COUNTS.clear();
    }

    /** Records per sink name since the last reset, sorted by name. */
    public static Map<String, Long> counts() {
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
