package io.pulse.bridge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pulse.bridge.config.BridgeConfig;
import io.pulse.bridge.config.BusConfig;
import io.pulse.bridge.config.ConfigException;
import io.pulse.bridge.config.ConfigValidator;
import io.pulse.bridge.config.MeterConfig;
import io.pulse.bridge.modbus.BusPoller;
import io.pulse.bridge.modbus.J2modLine;
import io.pulse.bridge.modbus.MeterFault;
import io.pulse.bridge.modbus.MeterReader;
import io.pulse.bridge.modbus.ModbusLine;
import io.pulse.bridge.publish.BridgeStatus;
import io.pulse.bridge.publish.Forwarder;
import io.pulse.bridge.publish.MqttLink;
import io.pulse.bridge.queue.ReadingQueue;
import io.pulse.bridge.reading.MeterReading;
import io.pulse.bridge.reading.ReadingJson;

/**
 * The bridge as a library: {@code try (var bridge = ModbusBridge.start(config)) { ... }}. Polls
 * every configured meter, appends each reading to the durable queue, and forwards the queue to
 * the broker; status goes to {@code energy/bridges/{bridgeId}/status} (retained, last will
 * "offline").
 */
public final class ModbusBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusBridge.class);

    private final BridgeConfig config;
    private final Clock clock;
    private final ReadingQueue queue;
    private final BridgeStatus status;
    private final MqttLink link;
    private final Forwarder forwarder;
    private final Thread forwarderThread;
    private final List<BusPoller> pollers = new ArrayList<>();
    private final ScheduledExecutorService statusTimer;
    private final java.util.concurrent.atomic.AtomicLong readingsTaken = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long publishedVersion = -1;
    private volatile boolean started;
    private long lastStatusAt;

    private ModbusBridge(BridgeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        List<String> meterIds = config.buses().stream().flatMap(b -> b.meters().stream()).map(MeterConfig::id).toList();
        this.status = new BridgeStatus(config.bridgeId(), meterIds);
        this.queue = ReadingQueue.open(config.queue().path(), config.queue().maxReadings());
        String clientId = config.mqtt().clientId() != null ? config.mqtt().clientId() : "pulse-modbus-bridge-" + config.bridgeId();
        this.link = new MqttLink(config.mqtt(), clientId, config.statusTopic(), status.offline(null), this::publishStatusNow);
        this.forwarder = new Forwarder(queue, link);
        this.forwarderThread = new Thread(forwarder, "mqtt-forwarder");
        this.forwarderThread.setDaemon(true);
        this.statusTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridge-status");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Validates the configuration, opens the queue and the serial lines, and starts polling and
     * forwarding. A broker that is down is not an error: readings queue until it is back.
     *
     * @throws ConfigException for a wrong configuration, a missing or unopenable serial port, or
     *                         a queue directory in use
     */
    public static ModbusBridge start(BridgeConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(BridgeConfig)}, with readings stamped by {@code clock} (for replays and tests). */
    public static ModbusBridge start(BridgeConfig config, Clock clock) {
        ConfigValidator.validate(config, true);
        ModbusBridge bridge;
        try {
            bridge = new ModbusBridge(config, clock);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new ConfigException(e.getMessage());
        }
        try {
            bridge.startAll();
        } catch (RuntimeException e) {
            bridge.close();
            throw e;
        }
        return bridge;
    }

    private void startAll() {
        for (BusConfig bus : config.buses()) {
            pollers.add(newPoller(bus));
        }
        link.start();
        forwarderThread.start();
        pollers.forEach(BusPoller::start);
        statusTimer.scheduleWithFixedDelay(this::publishStatusIfDue, 200, 200, TimeUnit.MILLISECONDS);
        started = true;
        LOG.info("bridge {} started: {} meters on {} buses, queue {}", config.bridgeId(),
                config.buses().stream().mapToInt(b -> b.meters().size()).sum(), config.buses().size(),
                config.queue().directory());
    }

    private BusPoller newPoller(BusConfig bus) {
        ModbusLine line = bus.tcp() != null
                ? J2modLine.tcp(bus.tcp(), config.timeoutMs())
                : openSerial(bus);
        List<BusPoller.PolledMeter> meters = new ArrayList<>();
        for (MeterConfig meter : bus.meters()) {
            MeterReader reader = new MeterReader(meter.id(), meter.unitId(), config.registerMap(meter), config.retries(), clock);
            meters.add(new BusPoller.PolledMeter(reader, config.pollIntervalMs(meter)));
        }
        return new BusPoller(bus.label(), line, meters, new BusPoller.Outcomes() {
            @Override
            public void reading(MeterReading reading) {
                onReading(reading);
            }

            @Override
            public void fault(String meterId, String reason) {
                onFault(meterId, reason);
            }
        });
    }

    /** A serial port that cannot be opened is a configuration error: say so at start, in one line. */
    private ModbusLine openSerial(BusConfig bus) {
        J2modLine line = J2modLine.rtu(bus.rtu(), config.timeoutMs());
        try {
            line.open();
        } catch (MeterFault e) {
            line.close();
            throw new ConfigException("bus " + bus.label() + ": " + e.getMessage());
        }
        return line;
    }

    private void onReading(MeterReading reading) {
        queue.append(BridgeConfig.readingsTopic(reading.meterId()), ReadingJson.toJson(reading));
        readingsTaken.incrementAndGet();
        if (status.readingOk(reading.meterId(), reading.ts())) {
            LOG.info("meter {} answers again", reading.meterId());
        }
    }

    private void onFault(String meterId, String reason) {
        if (status.fault(meterId, clock.instant(), reason)) {
            LOG.warn("meter {}: {}; no reading, reported as a gap in the status", meterId, reason);
        }
    }

    private void publishStatusNow() {
        publishedVersion = -1;
    }

    private synchronized void publishStatusIfDue() {
        try {
            long now = clock.millis();
            long version = status.version();
            if (!link.isConnected() || (version == publishedVersion && now - lastStatusAt < config.statusIntervalMs())) {
                return;
            }
            link.publish(config.statusTopic(), status.online(clock.instant(), queue.size(), queue.dropped()), true);
            publishedVersion = version;
            lastStatusAt = now;
        } catch (RuntimeException e) {
            LOG.warn("status not published: {}", e.toString());
        }
    }

    /** Readings taken from meters since this bridge started (each one queued once). */
    public long readingsTaken() {
        return readingsTaken.get();
    }

    /** Readings waiting for the broker's PUBACK. */
    public long queued() {
        return queue.size();
    }

    public BridgeConfig config() {
        return config;
    }

    /** Stops polling, says "offline" on the status topic, and closes the queue (what is queued stays on disk). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pollers.forEach(BusPoller::close);
        statusTimer.shutdownNow();
        forwarder.stop();
        forwarderThread.interrupt();
        try {
            forwarderThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close(status.offline(clock.instant()));
        queue.close();
        if (started) {
            LOG.info("bridge {} stopped; {} readings stay queued", config.bridgeId(), queue.size());
        }
    }
}
