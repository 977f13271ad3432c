package io.pulse.connectors.influxdb.testing;

import io.pulse.testservers.VictoriaMetricsServer;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops the test's VictoriaMetrics cleanly while keeping its port and data, so that
 * {@code start()} brings the same server back after an outage of our choosing.
 *
 * <p>Why not the kit's methods: {@code stop()} deletes the data directory, {@code restart()} has
 * no pause in between, and after {@code kill()} VictoriaMetrics loses the writes of its last
 * ~5 s, which it had already acknowledged, so a sink could not be blamed or cleared. Here the
 * server process (our own child, found by its private data directory) gets SIGTERM, flushes and
 * exits; the kit then sees it as down and {@code start()} restarts it on the same port and data.
 */
public final class ServerOutage {

    private ServerOutage() {}

    public static void stopCleanly(VictoriaMetricsServer server) throws Exception {
        String dataArgument = "-storageDataPath=" + server.directory().resolve("data");
        ProcessHandle process = ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(dataArgument)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no child process with " + dataArgument));
        process.destroy(); // SIGTERM
        process.onExit().get(30, TimeUnit.SECONDS);
        if (server.isRunning()) {
            throw new IllegalStateException(server + " still reports running after SIGTERM");
        }
    }
}
