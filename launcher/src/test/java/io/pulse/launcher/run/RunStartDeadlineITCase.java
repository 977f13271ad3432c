package io.pulse.launcher.run;

import io.pulse.testservers.FreePorts;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./pulse run} against a broker that is not there, that accepts TCP and never answers, or
 * that refuses our account: the run says so in one line while it retries, and after
 * {@code --mqtt.start-timeout} gives up with exit 1, instead of retrying forever. The client's
 * retries are logged once per attempt, not once per client.
 */
class RunStartDeadlineITCase {

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create().withUser("pulse-jobs", "right");

    @TempDir
    Path dir;

    private PulseProcess run(String database, String broker, String startTimeout, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("run", "telemetry", "--mqtt.broker", broker,
                "--jdbc.url", DB.createDatabase(database), "--jdbc.user", DB.user(), "--jdbc.password", DB.password(),
                "--mqtt.start-timeout", startTimeout, "--parallelism", "1", "--state.dir", dir.resolve("state").toString()));
        args.addAll(List.of(more));
        return PulseProcess.start(dir.resolve("run.log"), Map.of(), args.toArray(String[]::new));
    }

    @Test
    void aBrokerThatIsNotThere() throws Exception {
        String broker = "tcp://127.0.0.1:" + FreePorts.find();
        try (PulseProcess pulse = run("absent", broker, "15s")) {
            pulse.awaitOutput("pulse: telemetry job cannot subscribe yet: MQTT broker " + broker);
            assertThat(pulse.awaitExit()).isEqualTo(1);
            assertThat(pulse.output())
                    .contains("is unreachable: Connection refused; retrying, for at most 15 s (--mqtt.start-timeout)")
                    .contains("pulse: telemetry job gives up: its MQTT sessions did not subscribe within 15 s"
                            + " (--mqtt.start-timeout); last failure: MQTT broker " + broker);
            assertThat(pulse.output().lines().filter(l -> l.contains("reconnect attempt 2 ")))
                    .as("one line per attempt, not one per client").hasSize(1);
        }
    }

    @Test
    void aBrokerThatAcceptsAndNeverAnswers() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String broker = "tcp://127.0.0.1:" + silent.getLocalPort();
            try (PulseProcess pulse = run("silent", broker, "30s")) {
                pulse.awaitOutput("pulse: telemetry job cannot subscribe yet: MQTT broker " + broker);
                assertThat(pulse.awaitExit()).isEqualTo(1);
                assertThat(pulse.output()).contains("pulse: telemetry job gives up: its MQTT sessions did not subscribe within 30 s");
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aBrokerThatRefusesTheAccount() throws Exception {
        try (PulseProcess pulse = run("refusing", MQTT.uri(), "15s", "--mqtt.username", "pulse-jobs", "--mqtt.password", "wrong")) {
            pulse.awaitOutput("pulse: telemetry job cannot subscribe yet: MQTT broker " + MQTT.uri());
            assertThat(pulse.awaitExit()).isEqualTo(1);
            assertThat(pulse.output()).contains("refused the connection: ").contains("check mqtt.username and mqtt.password")
                    .contains("pulse: telemetry job gives up");
        }
    }
}
