package io.pulse.connectors.mqtt.testing;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Counts every record it receives, by value, in a JVM-wide table named per test: the MiniCluster
 * runs in the test's JVM. Nothing is rolled back on failure, so counts above 1 are exactly the
 * duplicates a failure caused downstream of a non-transactional sink.
 */
public final class CollectingSink implements Sink<String> {

    private static final Map<String, Map<String, AtomicInteger>> RESULTS = new ConcurrentHashMap<>();

    private final String name;

    public CollectingSink(String name) {
        this.name = name;
        RESULTS.put(name, new ConcurrentHashMap<>());
    }

    public Map<String, AtomicInteger> counts() {
        return RESULTS.get(name);
    }

    public int distinct(String prefix) {
        return (int) counts().keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }

    public Set<String> keys(String prefix) {
        return counts().keySet().stream().filter(k -> k.startsWith(prefix)).collect(Collectors.toSet());
    }

    /** Records received beyond the first of each value. */
    public long duplicates(String prefix) {
        return counts().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().get() - 1L).sum();
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        Map<String, AtomicInteger> counts = RESULTS.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(String record, Context ctx) {
                counts.computeIfAbsent(record, k -> new AtomicInteger()).incrementAndGet();
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
