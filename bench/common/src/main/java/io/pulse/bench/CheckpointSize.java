package io.pulse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Size of a job's checkpointed state in steady state: the benchmark builds a job whose source emits
 * its records and then stays up idle, and says when the last record left the source; the first
 * checkpoint triggered after that (plus a settling delay) holds all of them. Its size, in total
 * and per operator, is read from the MiniCluster's REST API ({@code /jobs/:id/checkpoints}, per
 * operator from {@code /checkpoints/details/:id}), then the job is cancelled. Heap state backend
 * (Flink's default, {@code hashmap}), file-system checkpoint storage in a temporary directory;
 * timers are part of the keyed state snapshot.
 */
public final class CheckpointSize {

    /** Full size of the checkpoint, and the same per operator (job vertex name → bytes). */
    public record Checkpoint(long bytes, Map<String, Long> perVertex) {}

    /** Adds the benchmark's job to the environment (checkpointing and REST already configured). */
    @FunctionalInterface
    public interface JobBuilder {
        void build(StreamExecutionEnvironment env) throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CheckpointSize() {}

    /**
     * @param lastRecordAt wall-clock millis when the source emitted its last record, 0 while it has not
     * @param settleMs     how long after that a checkpoint must have been triggered to count
     * @param records      what the source emits, for the timeout message ("readings")
     */
    public static Checkpoint measure(String jobName, int parallelism, long checkpointMs, JobBuilder job,
                                     LongSupplier lastRecordAt, long settleMs, String records) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("pulse-bench-checkpoints");
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(RestOptions.PORT, port);
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        env.enableCheckpointing(checkpointMs);
        job.build(env);
        JobClient client = env.executeAsync(jobName);
        try {
            String base = "http://127.0.0.1:" + port + "/jobs/" + client.getJobID();
            long deadline = System.currentTimeMillis() + 600_000;
            while (System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                long done = lastRecordAt.getAsLong();
                if (done == 0) {
                    continue;
                }
                JsonNode completed = get(base + "/checkpoints").path("latest").path("completed");
                if (completed.isMissingNode() || completed.isNull() || completed.path("trigger_timestamp").asLong() <= done + settleMs) {
                    continue;
                }
                return new Checkpoint(completed.path("state_size").asLong(), perVertex(base, completed.path("id").asLong()));
            }
            throw new IllegalStateException("no checkpoint completed after the " + records + " within 10 minutes");
        } finally {
            client.cancel().get();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The per-operator table of two checkpoints, at n and 2n keys: bytes at each and the growth per
     * key; operators without state in either are left out. {@code keys} / {@code key} name them
     * ("devices", "device").
     */
    public static String growthTable(Checkpoint small, Checkpoint large, int n, String keys, String key) {
        StringBuilder md = new StringBuilder();
        md.append("| operator | bytes at ").append(String.format("%,d", n)).append(' ').append(keys).append(" | bytes at ")
                .append(String.format("%,d", 2 * n)).append(' ').append(keys).append(" | per ").append(key)
                .append(" |\n|---|---:|---:|---:|\n");
        large.perVertex().forEach((name, bytes) -> {
            long smallBytes = small.perVertex().getOrDefault(name, 0L);
            if (bytes > 0 || smallBytes > 0) {
                md.append(String.format("| %s | %,d | %,d | %,d |%n", name.replace("|", "/"), smallBytes, bytes,
                        (bytes - smallBytes) / n));
            }
        });
        return md.toString();
    }

    private static Map<String, Long> perVertex(String base, long checkpointId) throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        get(base).path("vertices").forEach(v -> names.put(v.path("id").asText(), v.path("name").asText()));
        Map<String, Long> perVertex = new LinkedHashMap<>();
        get(base + "/checkpoints/details/" + checkpointId).path("tasks").fields().forEachRemaining(t ->
                perVertex.put(names.getOrDefault(t.getKey(), t.getKey()), t.getValue().path("state_size").asLong()));
        return perVertex;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
