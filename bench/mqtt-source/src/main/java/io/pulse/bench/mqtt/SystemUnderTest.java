package io.pulse.bench.mqtt;

import io.pulse.bench.LocalFlink;
import io.pulse.bench.Machine;
import io.pulse.testservers.MosquittoServer;
import io.pulse.testservers.RequiredBinary;

import com.hivemq.client.mqtt.MqttClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/** The report's machine section: {@link Machine}'s items, with the load, Flink, Mosquitto, the client and the source's commit. */
final class SystemUnderTest {

    /** The canonical settings that bear on this benchmark, as MosquittoServer starts the broker with them. */
    private static final List<String> BROKER_SETTINGS = List.of("max_inflight_messages", "max_queued_messages",
            "persistence", "autosave_interval", "set_tcp_nodelay");

    private SystemUnderTest() {}

    /**
     * @param loadAtStart {@code Machine.loadAverage(3)} at the start of the run
     * @param spoolFilesystem what {@code stat -f} says of the folder the spools were in
     */
    static String machine(String loadAtStart, String spoolFilesystem) {
        return Machine.describe(
                List.of("load average (1/5/15 min): " + loadAtStart + " at the start, " + Machine.loadAverage(3) + " at the end"),
                List.of("Flink: " + LocalFlink.version() + " (local MiniCluster in the benchmark's JVM)",
                        "Mosquitto: " + mosquittoVersion() + ", started by `MosquittoServer` of pulse-test-servers with "
                                + "Pulse's `config/mosquitto/mosquitto.conf` (" + brokerSettings() + ")",
                        "HiveMQ MQTT client: " + hivemqClientVersion() + " (the source's sessions, the plain subscriber, the publisher)",
                        "spool: a fresh folder per round in the broker's temporary directory (filesystem: "
                                + spoolFilesystem + "), forced to disk at every commit (`spoolSync`, the default)",
                        "source under test: " + sourceCommit()));
    }

    /** {@code mosquitto -h} prints its version and exits with 3, which {@link Machine#commandOutput} takes for a failure. */
    static String mosquittoVersion() {
        String version;
        try {
            Process p = new ProcessBuilder(RequiredBinary.find("mosquitto", "mosquitto").toString(), "-h")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            version = out.lines().filter(l -> l.startsWith("mosquitto version ")).findFirst()
                    .map(l -> l.substring("mosquitto version ".length()).trim()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            version = "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            version = "unknown";
        }
        String packaged = Machine.commandOutput("dpkg-query", "-W", "-f=${Version}", "mosquitto");
        return version + " (`mosquitto -h`" + (packaged.isEmpty() ? "" : "; Debian package " + packaged) + ")";
    }

    private static String brokerSettings() {
        return MosquittoServer.canonicalConfig().lines()
                .map(String::trim)
                .filter(line -> BROKER_SETTINGS.stream().anyMatch(s -> line.startsWith(s + " ")))
                .collect(Collectors.joining(", "));
    }

    private static String hivemqClientVersion() {
        try (JarFile jar = new JarFile(MqttClient.class.getProtectionDomain().getCodeSource().getLocation().getPath())) {
            String version = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
            return version == null ? "unknown" : version;
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The commit of connectors/mqtt in the working tree the benchmark runs from (../.. of bench/mqtt-source). */
    private static String sourceCommit() {
        String connector = "connectors/mqtt/src/main";
        String commit = Machine.commandOutput("git", "-C", "../..", "log", "-1", "--format=%h %s", "--", connector);
        if (commit.isEmpty()) {
            return "pulse-connector-mqtt from the local Maven repository (source commit unknown)";
        }
        String changes = Machine.commandOutput("git", "-C", "../..", "status", "--porcelain", "--", connector);
        return "pulse-connector-mqtt installed from `" + connector + "` at commit " + commit
                + (changes.isEmpty() ? "" : " (with uncommitted changes)");
    }
}
