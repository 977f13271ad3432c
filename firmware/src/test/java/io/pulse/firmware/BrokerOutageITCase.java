package io.pulse.firmware;

import io.pulse.testservers.Await;
import io.pulse.testservers.MosquittoServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes away for 20 s while two virtual sensor nodes keep measuring twice a second. The
 * one with room in its offline buffer delivers every reading, in order, once the broker is back;
 * the one with a tiny buffer loses the oldest readings of the outage and says how many
 * (bufferEvicted), never a reading from before the outage or after it.
 */
class BrokerOutageITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();

    @Test
    void aTwentySecondBrokerOutageLosesNoReadingAndKeepsTheirOrder() throws Exception {
        Mqtt5BlockingClient subscriber = subscribe();
        try (VirtualDevice roomy = node("outage-roomy", 65536); VirtualDevice tiny = node("outage-tiny", 1200);
             Ticker ticker = new Ticker(List.of(roomy, tiny), Duration.ofMillis(500))) {
            Await.until(Duration.ofSeconds(30), () -> count("outage-roomy") >= 6 && count("outage-tiny") >= 6,
                    () -> "readings before the outage: " + count("outage-roomy") + ", " + count("outage-tiny"));
            // The broker dies between two readings, when all it acknowledged has reached the
            // subscriber: what the subscriber misses after this is the devices' doing.
            ticker.pause();
            Await.until(Duration.ofSeconds(10), () -> distinctTs("outage-roomy").size() == sampled(roomy).size()
                    && distinctTs("outage-tiny").size() == sampled(tiny).size(), () -> "not all delivered yet");
            MQTT.kill();
            subscriber.toAsync().disconnect();
            int roomyDown = roomy.awaitIndex(0, l -> l.startsWith("disconnected"), Duration.ofSeconds(10));
            ticker.resume();
            Thread.sleep(20_000);
            MQTT.start(); // same port; the devices retry with backoff (2, 4, 8, 16 s)
            subscriber = subscribe();
            long subscribedAt = System.nanoTime();
            int roomyUp = roomy.awaitIndex(roomyDown, l -> l.equals("connected"), Duration.ofSeconds(60));
            assertThat(roomy.lines().get(roomyUp).nanos()).as("the test's subscriber was back before the device")
                    .isGreaterThan(subscribedAt);
            ticker.close(); // no more readings: what was taken can now be compared with what arrived
            int samplesDuringOutage = (int) roomy.lines().subList(roomyDown, roomyUp).stream()
                    .filter(l -> l.text().startsWith("sampled ")).count();
            assertThat(samplesDuringOutage).as("readings taken while the broker was away").isGreaterThanOrEqualTo(40);

            roomy.ask("drain", l -> l.equals("drained"), Duration.ofSeconds(60));
            // a reading reports the evictions before it: one more after the outage reports them all
            tiny.ask("sample", l -> l.startsWith("sampled "), Duration.ofSeconds(5));
            tiny.ask("drain", l -> l.equals("drained"), Duration.ofSeconds(60));
            List<String> roomySampled = sampled(roomy);
            List<String> tinySampled = sampled(tiny);
            Await.until(Duration.ofSeconds(20), () -> distinctTs("outage-roomy").size() == roomySampled.size(),
                    () -> "missing: " + missing(roomySampled, distinctTs("outage-roomy")));

            // Every reading, in the order taken (a repeat could only come from an at-least-once resend).
            assertThat(distinctTs("outage-roomy")).containsExactlyElementsOf(roomySampled);
            assertThat(received.get("outage-roomy")).allMatch(r -> r.get("bufferEvicted").asInt() == 0);

            // The tiny buffer: the oldest readings of the outage were evicted, counted and reported.
            List<String> tinyGot = distinctTs("outage-tiny");
            List<String> lost = missing(tinySampled, tinyGot);
            assertThat(lost).as("readings the tiny buffer had to evict").hasSizeGreaterThan(10);
            int firstLost = tinySampled.indexOf(lost.get(0));
            assertThat(tinySampled.subList(firstLost, firstLost + lost.size())).as("one run of the oldest")
                    .containsExactlyElementsOf(lost);
            assertThat(tinyGot).as("everything else, in order")
                    .containsExactlyElementsOf(tinySampled.stream().filter(t -> !lost.contains(t)).toList());
            int reported = received.get("outage-tiny").stream().mapToInt(r -> r.get("bufferEvicted").asInt()).max().orElse(0);
            assertThat(reported).as("bufferEvicted reported after the outage").isEqualTo(lost.size());
            System.out.printf("broker outage: %d readings taken while it was away, all delivered in order;"
                    + " the tiny buffer evicted %d and reported them%n", samplesDuringOutage, lost.size());
        } finally {
            subscriber.toAsync().disconnect();
        }
    }

    /** Takes a reading on every device at a fixed period, like the firmware's sampling timer. */
    private static final class Ticker implements AutoCloseable {
        private final Thread thread;
        private volatile boolean paused;
        private volatile boolean stopped;

        Ticker(List<VirtualDevice> devices, Duration period) {
            thread = new Thread(() -> {
                while (!stopped) {
                    if (!paused) {
                        devices.forEach(d -> d.send("sample"));
                    }
                    try {
                        Thread.sleep(period.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "sample-ticker");
            thread.start();
        }

        void pause() throws InterruptedException {
            paused = true;
            Thread.sleep(100); // a tick under way has been sent
        }

        void resume() {
            paused = false;
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.interrupt();
            thread.join();
        }
    }

    private VirtualDevice node(String id, int ringBytes) {
        List<String> args = new ArrayList<>(List.of("sensor-node"));
        args.addAll(VirtualDevice.brokerArgs(MQTT.host(), MQTT.port()));
        args.addAll(List.of("--device-id", id, "--interval-ms", "0", "--ring-bytes", String.valueOf(ringBytes),
                "--reconnect-min-ms", "2000", "--reconnect-max-ms", "16000"));
        VirtualDevice device = VirtualDevice.start(id, args, VirtualDevice.noSecrets());
        device.ask("set temperature 20", l -> l.startsWith("set"), Duration.ofSeconds(5));
        return device;
    }

    private Mqtt5BlockingClient subscribe() {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("outage-it-" + System.nanoTime())
                .serverHost(MQTT.host()).serverPort(MQTT.port()).buildBlocking();
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> {
            try {
                JsonNode message = JSON.readTree(p.getPayloadAsBytes());
                for (JsonNode reading : message.isArray() ? message : List.of(message)) {
                    received.computeIfAbsent(reading.get("deviceId").asText(), k -> new CopyOnWriteArrayList<>()).add(reading);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        client.connect();
        client.subscribeWith().topicFilter("devices/+/telemetry").qos(MqttQos.AT_LEAST_ONCE).send();
        return client;
    }

    private int count(String device) {
        return received.getOrDefault(device, List.of()).size();
    }

    /** The ts of the readings a device sent, each once, in the order they first arrived. */
    private List<String> distinctTs(String device) {
        LinkedHashSet<String> ts = new LinkedHashSet<>();
        received.getOrDefault(device, List.of()).forEach(r -> ts.add(r.get("ts").asText()));
        return new ArrayList<>(ts);
    }

    /** The ts of every reading the device says it took. */
    private static List<String> sampled(VirtualDevice device) {
        return device.texts(l -> l.startsWith("sampled ")).stream().map(l -> l.split(" ")[1]).toList();
    }

    private static List<String> missing(List<String> wanted, List<String> got) {
        return wanted.stream().filter(t -> !got.contains(t)).toList();
    }
}
