package io.pulse.bridge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a configuration before anything starts; the first problem becomes a one-line {@link ConfigException}. */
public final class ConfigValidator {

    /** Ids become MQTT topic levels: no '/', '+', '#', no spaces. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> PARITIES = Set.of("none", "even", "odd");

    private ConfigValidator() {}

    /**
     * @param checkSerialPorts whether RTU device paths must exist now (true when starting or
     *                         checking on the target machine)
     */
    public static void validate(BridgeConfig config, boolean checkSerialPorts) {
        if (config.bridgeId() == null || !ID.matcher(config.bridgeId()).matches()) {
            throw new ConfigException("bridgeId '" + config.bridgeId()
                    + "' must be 1-64 letters, digits, '.', '_' or '-' (it is a topic level)");
        }
        if (config.mqtt() == null) {
            throw new ConfigException("mqtt is missing (at least mqtt.broker: tcp://host:1883)");
        }
        config.mqtt().brokerUri();
        if (config.queue() == null || config.queue().directory() == null || config.queue().directory().isBlank()) {
            throw new ConfigException("queue.directory is missing (where readings wait while the broker is unreachable)");
        }
        if (config.queue().maxReadings() < 1) {
            throw new ConfigException("queue.maxReadings must be at least 1, not " + config.queue().maxReadings());
        }
        positive("pollIntervalMs", config.pollIntervalMs());
        positive("timeoutMs", config.timeoutMs());
        positive("statusIntervalMs", config.statusIntervalMs());
        if (config.retries() < 0) {
            throw new ConfigException("retries must be 0 or more, not " + config.retries());
        }
        if (config.buses().isEmpty()) {
            throw new ConfigException("buses is empty: configure at least one Modbus TCP or RTU bus with meters");
        }
        Set<String> meterIds = new HashSet<>();
        for (int b = 0; b < config.buses().size(); b++) {
            validateBus(config, config.buses().get(b), "buses[" + b + "]", meterIds, checkSerialPorts);
        }
    }

    private static void validateBus(BridgeConfig config, BusConfig bus, String at, Set<String> meterIds,
            boolean checkSerialPorts) {
        if ((bus.tcp() == null) == (bus.rtu() == null)) {
            throw new ConfigException(at + " (" + bus.label() + "): give exactly one of 'tcp' or 'rtu'");
        }
        if (bus.tcp() != null) {
            if (bus.tcp().host() == null || bus.tcp().host().isBlank()) {
                throw new ConfigException(at + ".tcp.host is missing");
            }
            if (bus.tcp().port() < 1 || bus.tcp().port() > 65535) {
                throw new ConfigException(at + ".tcp.port " + bus.tcp().port() + " is not a TCP port");
            }
        } else {
            validateSerial(bus.rtu(), at + ".rtu", checkSerialPorts);
        }
        if (bus.meters().isEmpty()) {
            throw new ConfigException(at + " (" + bus.label() + ") has no meters");
        }
        Set<Integer> unitIds = new HashSet<>();
        for (int m = 0; m < bus.meters().size(); m++) {
            MeterConfig meter = bus.meters().get(m);
            String mat = at + ".meters[" + m + "]";
            if (meter.id() == null || !ID.matcher(meter.id()).matches()) {
                throw new ConfigException(mat + ".id '" + meter.id()
                        + "' must be 1-64 letters, digits, '.', '_' or '-' (it is a topic level)");
            }
            if (!meterIds.add(meter.id())) {
                throw new ConfigException(mat + ": meter id '" + meter.id() + "' is used twice");
            }
            // RTU addresses 1..247 (0 is broadcast); a TCP gateway may also answer on 0 or 255.
            int min = bus.rtu() != null ? 1 : 0;
            int max = bus.rtu() != null ? 247 : 255;
            if (meter.unitId() == null) {
                throw new ConfigException(mat + " (" + meter.id() + "): unitId is missing");
            }
            if (meter.unitId() < min || meter.unitId() > max) {
                throw new ConfigException(mat + " (" + meter.id() + "): unitId " + meter.unitId()
                        + " is outside " + min + ".." + max);
            }
            if (!unitIds.add(meter.unitId())) {
                throw new ConfigException(mat + " (" + meter.id() + "): unitId " + meter.unitId()
                        + " is used twice on bus " + bus.label());
            }
            if (meter.pollIntervalMs() != null) {
                positive(mat + ".pollIntervalMs", meter.pollIntervalMs());
            }
            try {
                config.registerMap(meter);
            } catch (ConfigException e) {
                throw new ConfigException(mat + " (" + meter.id() + "): " + e.getMessage());
            }
        }
    }

    private static void validateSerial(SerialEndpoint rtu, String at, boolean checkPortExists) {
        if (rtu.port() == null || rtu.port().isBlank()) {
            throw new ConfigException(at + ".port is missing (e.g. /dev/ttyUSB0)");
        }
        if (checkPortExists && !Files.exists(Path.of(rtu.port()))) {
            throw new ConfigException(at + ".port: serial port " + rtu.port() + " does not exist");
        }
        if (rtu.baud() < 300 || rtu.baud() > 921_600) {
            throw new ConfigException(at + ".baud " + rtu.baud() + " is not a serial baud rate");
        }
        if (!PARITIES.contains(rtu.parity().toLowerCase(Locale.ROOT))) {
            throw new ConfigException(at + ".parity '" + rtu.parity() + "' is not one of none, even, odd");
        }
        if (rtu.dataBits() < 7 || rtu.dataBits() > 8) {
            throw new ConfigException(at + ".dataBits must be 7 or 8, not " + rtu.dataBits());
        }
        if (rtu.stopBits() < 1 || rtu.stopBits() > 2) {
            throw new ConfigException(at + ".stopBits must be 1 or 2, not " + rtu.stopBits());
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new ConfigException(name + " must be positive, not " + value);
        }
    }
}
