package io.pulse.bench.movement;

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
import java.util.stream.Stream;

/**
 * Checkpointed state of the whole movement job once {@code people} people have entered (and, with
 * {@code leave}, left again), from the first checkpoint completed 5 s after event time moved on
 * ({@link BenchSightings.ThenIdle}); read from the MiniCluster's REST API, total and per operator.
 * Heap state backend, file-system checkpoints in a temporary directory; timers included.
 */
final class StateSize {

    record Checkpoint(long bytes, Map<String, Long> perVertex) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StateSize() {}

    static Checkpoint measure(int people, boolean leave, int parallelism, long checkpointMs) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("pulse-bench-movement-checkpoints");
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(RestOptions.PORT, port);
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        env.enableCheckpointing(checkpointMs);
        BenchSightings.ThenIdle.DONE.set(0);
        Pipeline.job(env, Pipeline.sightings(env, new BenchSightings.ThenIdle(people, leave), Long.MAX_VALUE), null);
        JobClient job = env.executeAsync("movement-state-" + people + (leave ? "-left" : "-inside"));
        try {
            String base = "http://127.0.0.1:" + port + "/jobs/" + job.getJobID();
            long deadline = System.currentTimeMillis() + 600_000;
            while (System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                long done = BenchSightings.ThenIdle.DONE.get();
                if (done == 0) {
                    continue;
                }
                // 5 s of idle markers: 5,000 s of event time, past every debounce window
                JsonNode completed = get(base + "/checkpoints").path("latest").path("completed");
                if (completed.isMissingNode() || completed.isNull() || completed.path("trigger_timestamp").asLong() <= done + 5_000) {
                    continue;
                }
                long id = completed.path("id").asLong();
                Map<String, String> names = new LinkedHashMap<>();
                get(base).path("vertices").forEach(v -> names.put(v.path("id").asText(), v.path("name").asText()));
                Map<String, Long> perVertex = new LinkedHashMap<>();
                get(base + "/checkpoints/details/" + id).path("tasks").fields().forEachRemaining(t ->
                        perVertex.put(names.getOrDefault(t.getKey(), t.getKey()), t.getValue().path("state_size").asLong()));
                return new Checkpoint(completed.path("state_size").asLong(), perVertex);
            }
            throw new IllegalStateException("no checkpoint completed after the sightings within 10 minutes");
        } finally {
            job.cancel().get();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
