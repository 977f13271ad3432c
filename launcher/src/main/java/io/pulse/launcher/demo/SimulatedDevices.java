package io.pulse.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few simulated devices, each with its own MQTT 5 connection, publishing one telemetry reading
 * per interval to {@code devices/{deviceId}/telemetry} with QoS 1.
 */
public final class SimulatedDevices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDevices.class);

    /** The demo's devices; the workshop's machine is the one that overheats now and then. */
    public static final List<String> DEMO_DEVICE_IDS = List.of(
            "lab-a-01", "library-02", "hostel-b-03", "workshop-04", "canteen-05");
    public static final String MISBEHAVING_DEVICE = "workshop-04";

    private final List<SimulatedDevice> devices;
    private final List<Mqtt5AsyncClient> clients;
    private final ScheduledExecutorService ticker;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, AtomicLong> publishedPerDevice = new ConcurrentHashMap<>();

    private SimulatedDevices(List<SimulatedDevice> devices, List<Mqtt5AsyncClient> clients) {
        this.devices = devices;
        this.clients = clients;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pulse-demo-devices");
            t.setDaemon(true);
            return t;
        });
        devices.forEach(d -> publishedPerDevice.put(d.id(), new AtomicLong()));
    }

    /** Connects the demo's devices to the broker and starts publishing every {@code interval}. */
    public static SimulatedDevices start(String host, int port, Duration interval)
            throws Exception {
        List<SimulatedDevice> devices = new ArrayList<>();
        long seed = 42;
        for (String id : DEMO_DEVICE_IDS) {
            devices.add(new SimulatedDevice(id, id.equals(MISBEHAVING_DEVICE), seed++));
        }
        List<Mqtt5AsyncClient> clients = new ArrayList<>();
        try {
            for (SimulatedDevice device : devices) {
                Mqtt5AsyncClient client = MqttClient.builder()
                        .useMqttVersion5()
                        .identifier("pulse-demo-" + device.id())
                        .serverHost(host)
                        .serverPort(port)
                        .automaticReconnectWithDefaultConfig()
                        .buildAsync();
                client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
                clients.add(client);
            }
        } catch (Exception e) {
            clients.forEach(c -> c.disconnect());
            throw e;
        }
        SimulatedDevices simulated = new SimulatedDevices(devices, clients);
        long ms = interval.toMillis();
        simulated.ticker.scheduleAtFixedRate(simulated::tick, 0, ms, TimeUnit.MILLISECONDS);
        return simulated;
    }

    private void tick() {
        long now = System.currentTimeMillis();
        for (int i = 0; i < devices.size(); i++) {
            SimulatedDevice device = devices.get(i);
            byte[] payload;
            try {
                payload = mapper.writeValueAsBytes(device.nextReading(mapper, now));
            } catch (Exception e) {
                LOG.warn("cannot encode a reading of {}: {}", device.id(), e.toString());
                continue;
            }
            clients.get(i).publishWith()
                    .topic(device.topic())
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .contentType("application/json")
                    .payload(payload)
                    .send()
                    .whenComplete((result, error) -> {
                        if (error == null && result.getError().isEmpty()) {
                            published.incrementAndGet();
                            publishedPerDevice.get(device.id()).incrementAndGet();
                        } else if (failed.getAndIncrement() % 50 == 0) {
                            LOG.warn("{} could not publish: {}", device.id(),
                                    error != null ? error.toString() : result.getError().get());
                        }
                    });
        }
    }

    public List<String> deviceIds() {
        return devices.stream().map(SimulatedDevice::id).toList();
    }

    /** Readings the broker acknowledged. */
    public long published() {
        return published.get();
    }

    public Map<String, Long> publishedPerDevice() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        publishedPerDevice.forEach((k, v) -> copy.put(k, v.get()));
        return Collections.unmodifiableMap(copy);
    }

    /** Stops publishing and disconnects every device. */
    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        for (Mqtt5AsyncClient client : clients) {
            try {
                client.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("disconnect of {} failed: {}", client.getConfig().getClientIdentifier(),
                        e.toString());
            }
        }
    }
}
