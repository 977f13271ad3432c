package io.pulse.testservers.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the Web UI and {@code curl} do with a JobManager's REST API: upload a jar, run it with
 * program arguments (optionally from a savepoint), list jobs, stop with a savepoint, cancel.
 * Errors come back as {@link RestError} with Flink's error text.
 */
public final class FlinkRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public FlinkRestClient(String host, int port) {
        this.base = URI.create("http://" + host + ":" + port + "/");
    }

    /** A non-2xx answer: its status and the body, which holds Flink's {@code errors}. */
    public static final class RestError extends RuntimeException {
        private final int status;

        RestError(String request, int status, String body) {
            super(request + " -> HTTP " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** {@code POST /jars/upload}: returns the jar's id for {@link #run}. */
    public String uploadJar(Path jar) {
        String boundary = "pulse-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                    + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(jar));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("jars/upload")).timeout(TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        String filename = send("POST /jars/upload", request).path("filename").asText();
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    /** {@code POST /jars/{id}/run}: the job's id, or a {@link RestError} carrying why main() failed. */
    public String run(String jarId, String entryClass, List<String> args, String savepointPath) {
        ObjectNode body = JSON.createObjectNode().put("entryClass", entryClass);
        body.putArray("programArgsList").addAll(args.stream().map(JSON.getNodeFactory()::textNode).toList());
        if (savepointPath != null) {
            body.put("savepointPath", savepointPath);
        }
        return post("jars/" + jarId + "/run", body).path("jobid").asText();
    }

    /** {@code GET /jobs/overview}: job id to name and state, e.g. RUNNING, CANCELED. */
    public List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        for (JsonNode job : get("jobs/overview").path("jobs")) {
            jobs.add(new Job(job.path("jid").asText(), job.path("name").asText(), job.path("state").asText()));
        }
        return jobs;
    }

    public record Job(String id, String name, String state) {}

    /** The job's state (RUNNING, CANCELED, FAILED, FINISHED ...). */
    public String state(String jobId) {
        return get("jobs/" + jobId).path("state").asText();
    }

    /** True once every task of the job runs (the job's own state says RUNNING before that). */
    public boolean allTasksRunning(String jobId) {
        JsonNode vertices = get("jobs/" + jobId).path("vertices");
        if (!vertices.elements().hasNext()) {
            return false;
        }
        for (JsonNode vertex : vertices) {
            if (!vertex.path("status").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }

    /** The number of completed checkpoints of the job. */
    public long completedCheckpoints(String jobId) {
        return get("jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    /** {@code GET /overview}: the cluster's TaskManagers, slots and jobs. */
    public JsonNode overview() {
        return get("overview");
    }

    /** {@code POST /jobs/{id}/stop}: stops with a savepoint into {@code directory}, returns its path. */
    public String stopWithSavepoint(String jobId, String directory) throws InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("targetDirectory", directory).put("drain", false);
        String trigger = post("jobs/" + jobId + "/stop", body).path("request-id").asText();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("jobs/" + jobId + "/savepoints/" + trigger);
            if (status.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IllegalStateException("stop-with-savepoint of " + jobId + " failed: " + operation.path("failure-cause"));
                }
                return operation.path("location").asText();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("stop-with-savepoint of " + jobId + " did not complete within " + TIMEOUT);
    }

    /** {@code PATCH /jobs/{id}?mode=cancel}. */
    public void cancel(String jobId) {
        send("PATCH /jobs/" + jobId, HttpRequest.newBuilder(base.resolve("jobs/" + jobId + "?mode=cancel")).timeout(TIMEOUT)
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
    }

    public JsonNode get(String path) {
        return send("GET /" + path, HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build());
    }

    private JsonNode post(String path, JsonNode body) {
        return send("POST /" + path, HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private JsonNode send(String what, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new RestError(what, response.statusCode(), response.body());
            }
            String body = response.body();
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    @Override
    public String toString() {
        return base.toString();
    }

}
