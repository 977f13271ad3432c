package io.pulse.launcher.demo.gates;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's gate scanners: publishes the sightings of {@link DemoCampus} every second to
 * {@code campus/gates/{gate}/sightings} (QoS 1) on the broker at {@code brokerUri}
 * ({@code tcp://host:port}). The roster to import for it is the resource {@value DemoCampus#ROSTER}.
 */
public final class SimulatedGates implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedGates.class);

    private final DemoCampus campus;
    private final Mqtt5AsyncClient client;
    private final ScheduledExecutorService ticker;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private SimulatedGates(DemoCampus campus, Mqtt5AsyncClient client) {
        this.campus = campus;
        this.client = client;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pulse-demo-gates");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects the scanners and starts publishing; a demo "day" lasts {@code dayLength}. */
    public static SimulatedGates start(String brokerUri, Duration dayLength) throws Exception {
        URI uri = URI.create(brokerUri);
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier("pulse-demo-gates")
                .serverHost(uri.getHost()).serverPort(uri.getPort()).automaticReconnectWithDefaultConfig().buildAsync();
        client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
        SimulatedGates gates = new SimulatedGates(DemoCampus.ofDemoRoster(dayLength, 7), client);
        gates.ticker.scheduleAtFixedRate(gates::tick, 0, 1, TimeUnit.SECONDS);
        return gates;
    }

    private void tick() {
        campus.tick(System.currentTimeMillis(), sighting -> client.publishWith()
                .topic("campus/gates/" + sighting.gate() + "/sightings")
                .qos(MqttQos.AT_LEAST_ONCE)
                .contentType("application/json")
                .payload(sighting.json().getBytes(StandardCharsets.UTF_8))
                .send()
                .whenComplete((result, error) -> {
                    if (error == null && result.getError().isEmpty()) {
                        published.incrementAndGet();
                    } else if (failed.getAndIncrement() % 50 == 0) {
                        // never the payload: it holds a MAC
                        LOG.warn("a gate could not publish: {}", error != null ? error.getClass().getSimpleName()
                                : result.getError().get().getClass().getSimpleName());
                    }
                }));
    }

    /** Sightings the broker acknowledged. */
    public long published() {
        return published.get();
    }

    /** People inside as simulated (what the job's campus occupancy should show). */
    public int inside() {
        return campus.inside();
    }

    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("disconnect of the gates failed: {}", e.toString());
        }
    }
}
