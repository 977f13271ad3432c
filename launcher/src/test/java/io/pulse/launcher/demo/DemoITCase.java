package io.pulse.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Starts the demo's real parts in this JVM (embedded HiveMQ CE, the simulated devices, the Flink
 * job with its Web UI) for about 15 s, checks that what the devices published came out of the
 * job, then stops everything and checks that nothing is left behind.
 */
class DemoITCase {
    /** What the job's sink received; the local cluster runs in this JVM. */
    static final Queue<DemoSummary> RECEIVED = new ConcurrentLinkedQueue<>();

    static final class CollectingSink implements Sink<DemoSummary> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<DemoSummary> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(DemoSummary summary, Context ctx) {
                    RECEIVED.add(summary);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    @Timeout(240)
    void devicesFlowThroughTheJobAndEverythingStopsCleanly() throws Exception {
        RECEIVED.clear();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8);

        Demo demo = Demo.start(new Demo.Settings().brokerPort(0).webPort(0)
                .window(Duration.ofSeconds(2)).sink(new CollectingSink()), out);
        Path root = demo.root();
        int brokerPort = Integer.parseInt(demo.brokerUri().replaceAll(".*:", ""));
        int webPort = demo.webPort();
        long published;
        try {
            assertThat(demo.brokerUri()).startsWith("tcp://127.0.0.1:");
            String jobs = get("http://127.0.0.1:" + webPort + "/jobs/overview");
            assertThat(jobs).contains("\"name\":\"pulse-demo\"").contains("\"state\":\"RUNNING\"");

            Thread.sleep(15_000);
        } finally {
            demo.close();
            published = demo.devices().published();
        }

        Map<String, Integer> readings = new TreeMap<>();
        for (DemoSummary summary : RECEIVED) {
            for (DeviceStats d : summary.devices) {
                readings.merge(d.deviceId, d.readings, Integer::sum);
                assertThat(d.lastTemperature).isBetween(-50.0, 150.0);
                assertThat(d.lastBattery).isBetween(0.0, 100.0);
            }
        }
        assertThat(readings).containsOnlyKeys(SimulatedDevices.DEMO_DEVICE_IDS);
        assertThat(readings.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        int total = readings.values().stream().mapToInt(Integer::intValue).sum();
        // every reading that came out was published; a checkpointed pipeline without failures
        // delivers each once
        assertThat(total).isLessThanOrEqualTo((int) published).isGreaterThan(0);

        String text = progress.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("MQTT broker   tcp://127.0.0.1:" + brokerPort)
                .contains("Flink Web UI  http://127.0.0.1:" + webPort)
                .contains("pulse-demo is running")
                .contains("Flink job cancelled, local cluster stopped")
                .contains("simulated devices stopped")
                .contains("MQTT broker stopped")
                .contains("temporary files removed");
        assertThat(root).doesNotExist();
        assertThat(Ports.isFree(brokerPort)).as("broker port released").isTrue();
        assertThat(Ports.isFree(webPort)).as("Web UI port released").isTrue();
    }

    private static String get(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
