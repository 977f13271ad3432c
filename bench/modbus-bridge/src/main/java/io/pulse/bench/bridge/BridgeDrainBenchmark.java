package io.pulse.bench.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;

import io.pulse.bench.Machine;
import io.pulse.bench.Markdown;
import io.pulse.bench.Stats;
import io.pulse.bridge.ModbusBridge;
import io.pulse.bridge.config.BridgeConfig;
import io.pulse.bridge.config.BusConfig;
import io.pulse.bridge.config.MeterConfig;
import io.pulse.bridge.config.MqttSettings;
import io.pulse.bridge.config.QueueSettings;
import io.pulse.bridge.config.TcpEndpoint;
import io.pulse.bridge.queue.ReadingQueue;
import io.pulse.bridge.reading.MeterReading;
import io.pulse.bridge.reading.ReadingJson;
import io.pulse.bridge.registers.MeterField;
import io.pulse.bridge.registers.Presets;
import io.pulse.bridge.sim.SimulatedModbusServer;
import io.pulse.testservers.MosquittoServer;

/**
 * After an outage the bridge must send its backlog faster than meters fill it. Measures, against
 * one Mosquitto, readings/s from a pre-filled queue to a subscriber: (a) the bridge (SQLite queue,
 * windows of 100 QoS 1 publishes, delete after PUBACK); (b) the ceiling: a plain HiveMQ client
 * publishing the same messages in windows of 100 from memory. Also (c) durable appends/s
 * (one committed SQLite transaction with synchronous=FULL per reading, as every poll does).
 */
public final class BridgeDrainBenchmark {

    private static final String FILTER = "energy/meters/+/readings";

    public static void main(String[] args) throws Exception {
        int readings = Integer.getInteger("readings", 20_000);
        int appends = Integer.getInteger("appends", 2_000);
        int rounds = Integer.getInteger("rounds", 5);
        Path out = Path.of(System.getProperty("out", "modbus-bridge.md"));
        String loadBefore = Machine.loadAverage(1);
        List<Double> bridge = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> appendRates = new ArrayList<>();
        String mosquittoVersion;
        try (MosquittoServer mqtt = MosquittoServer.create();
                SimulatedModbusServer modbus = SimulatedModbusServer.tcp(0)) {
            mqtt.start();
            mosquittoVersion = Machine.commandOutput("dpkg-query", "-W", "-f=${Version}", "mosquitto");
            modbus.addMeter(1, Presets.SDM120).answerWithExceptions(); // polls add nothing to the backlog
            for (int round = 0; round <= rounds; round++) { // round 0 warms up
                double b = bridgeDrain(mqtt, modbus.port(), readings, round);
                double p = plainDrain(mqtt, readings, round);
                double a = appendRate(appends);
                System.out.printf("round %d: bridge %,.0f/s, plain %,.0f/s, durable appends %,.0f/s%n", round, b, p, a);
                if (round > 0) {
                    bridge.add(b);
                    plain.add(p);
                    appendRates.add(a);
                }
            }
        }
        Stats sb = Stats.of(bridge);
        Stats sp = Stats.of(plain);
        Stats sa = Stats.of(appendRates);
        String report = "# Modbus bridge: backlog drain and durable appends\n\n"
                + "Readings per second from a queue of " + String.format("%,d", readings)
                + " readings (~200-byte contract JSON) to a subscriber on the same Mosquitto; "
                + rounds + " measured rounds after one warm-up, sides taking turns.\n\n"
                + Markdown.TABLE_HEADER
                + Markdown.row("(a) bridge: SQLite queue -> QoS 1 -> subscriber, readings/s", sb)
                + Markdown.row("(b) ceiling: plain HiveMQ client from memory, windows of 100, readings/s", sp)
                + Markdown.ratioRow("(a) / (b)", sb.median() / sp.median())
                + Markdown.row("(c) durable appends/s (one fsynced transaction per reading)", sa)
                + "\nPer round (a / b / c): " + Markdown.perRound(bridge, plain, appendRates) + "\n\n"
                + "What it means: 100 meters polled every 5 s make 20 readings/s. The bridge takes (c) "
                + "readings/s into its queue and sends a backlog at (a); a one-hour outage of 100 meters "
                + "(72,000 readings) is sent in about " + String.format("%.0f", 72_000 / sb.median())
                + " s after the broker is back.\n\n"
                + "Machine:\n" + Machine.describe(
                        List.of("1-minute load average: " + loadBefore + " before, " + Machine.loadAverage(1) + " after"),
                        List.of("Mosquitto: " + (mosquittoVersion.isEmpty() ? "unknown" : mosquittoVersion) + " (Debian package)",
                                "queue: SQLite (org.xerial:sqlite-jdbc), WAL, synchronous=FULL, in java.io.tmpdir"))
                + "\nReproduce (from the repository root; needs `mosquitto` on the PATH):\n\n```\n"
                + "./mvnw -B -q install -DskipTests -pl modbus-bridge -am && cd bench/common && ../../mvnw -B -q install "
                + "&& cd ../modbus-bridge && ../../mvnw -q compile exec:exec\n```\n\n"
                + "Settings of this run: `-Dbench.readings=" + readings + " -Dbench.appends=" + appends
                + " -Dbench.rounds=" + rounds + "` (defaults: 20000, 2000, 5).\n";
        Markdown.printAndWrite(report, out);
    }

    private static double bridgeDrain(MosquittoServer mqtt, int modbusPort, int n, int round) throws Exception {
        Path dir = Files.createTempDirectory("bench-bridge-queue-");
        String meterId = "bench-" + round;
        try (ReadingQueue queue = ReadingQueue.open(dir, n + 1)) {
            for (int i = 0; i < n; i++) {
                queue.append(BridgeConfig.readingsTopic(meterId), ReadingJson.toJson(reading(meterId, i)));
            }
        }
        BridgeConfig config = new BridgeConfig("bench-" + round, new MqttSettings(mqtt.uri(), null, null, null),
                new QueueSettings(dir.toString(), null), 60_000L, 500, 0, 60_000L,
                List.of(new BusConfig("sim", new TcpEndpoint("127.0.0.1", modbusPort), null,
                        List.of(new MeterConfig(meterId, 1, "sdm120", null)))), null);
        try (Counter sub = new Counter(mqtt, "bench-sub-a-" + round)) {
            long start = System.nanoTime();
            try (ModbusBridge b = ModbusBridge.start(config)) {
                sub.await(n);
                double seconds = (System.nanoTime() - start) / 1e9;
                // the last window leaves the queue just after its PUBACKs, maybe after its delivery
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (b.queued() != 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("queue not empty after all arrived: " + b.queued());
                    }
                    Thread.sleep(10);
                }
                return n / seconds;
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    private static double plainDrain(MosquittoServer mqtt, int n, int round) throws Exception {
        String meterId = "plain-" + round;
        List<byte[]> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            payloads.add(ReadingJson.toJson(reading(meterId, i)));
        }
        String topic = BridgeConfig.readingsTopic(meterId);
        try (Counter sub = new Counter(mqtt, "bench-sub-b-" + round)) {
            long start = System.nanoTime();
            Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier("bench-plain-" + round)
                    .serverHost(mqtt.host()).serverPort(mqtt.port()).buildAsync();
            client.connect().get(10, TimeUnit.SECONDS);
            for (int from = 0; from < n; from += 100) {
                List<CompletableFuture<?>> acks = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + 100); i++) {
                    acks.add(client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payloads.get(i)).send());
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            }
            sub.await(n);
            double seconds = (System.nanoTime() - start) / 1e9;
            client.disconnect().get(10, TimeUnit.SECONDS);
            return n / seconds;
        }
    }

    private static double appendRate(int n) throws Exception {
        Path dir = Files.createTempDirectory("bench-bridge-append-");
        try (ReadingQueue queue = ReadingQueue.open(dir, n + 1)) {
            byte[] payload = ReadingJson.toJson(reading("append", 0));
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                queue.append("energy/meters/append/readings", payload);
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static MeterReading reading(String meterId, int i) {
        Map<MeterField, Double> v = new EnumMap<>(MeterField.class);
        v.put(MeterField.VOLTAGE, 230.1);
        v.put(MeterField.CURRENT, 10.85);
        v.put(MeterField.POWER, 2485.5 + (i % 100));
        v.put(MeterField.POWER_FACTOR, 0.97);
        v.put(MeterField.FREQUENCY, 49.98);
        v.put(MeterField.ENERGY_REGISTER_WH, 1_234_500.0 + i);
        return new MeterReading(meterId, Instant.ofEpochMilli(1_772_438_400_000L + 5000L * i), v);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // temp dir
        }
    }

    /** Counts distinct readings (by ts) arriving on the readings topics. */
    private static final class Counter implements AutoCloseable {
        private final Mqtt5BlockingClient client;
        private final Set<Long> seen = new HashSet<>();

        Counter(MosquittoServer mqtt, String id) {
            client = MqttClient.builder().useMqttVersion5().identifier(id)
                    .serverHost(mqtt.host()).serverPort(mqtt.port()).buildBlocking();
            client.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> {
                String json = new String(p.getPayloadAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
                int at = json.indexOf("\"ts\":") + 5;
                long ts = Long.parseLong(json.substring(at, json.indexOf(',', at)));
                synchronized (seen) {
                    seen.add(ts);
                    seen.notifyAll();
                }
            });
            client.connect();
            client.subscribeWith().topicFilter(FILTER).qos(MqttQos.AT_LEAST_ONCE).send();
        }

        void await(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            synchronized (seen) {
                while (seen.size() < n) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + seen.size() + " of " + n + " arrived");
                    }
                    seen.wait(100);
                }
            }
        }

        @Override
        public void close() {
            client.disconnect();
        }
    }
}
