package io.pulse.bench.e2e;

import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;
import io.pulse.testservers.VictoriaMetricsServer;

import java.nio.file.Path;

/**
 * The servers every side shares, started once for the run, and where the run keeps its files.
 *
 * @param root    the repository (where {@code ./pulse} is)
 * @param work    the run's folder: state folders, logs, Node-RED's settings
 * @param nodeRed where run.sh installed Node-RED and node-red-node-mysql
 */
record Servers(MosquittoServer mqtt, MariaDbServer db, VictoriaMetricsServer vm, Path root, Path work, Path nodeRed) {

    /** The broker's log (Pulse's config logs connects and subscriptions). */
    Path brokerLog() {
        return mqtt.directory().resolve("server.log");
    }

    /** A new, empty database for one scenario, owned by {@code db.user()}. */
    String database(String tag) {
        return db.createDatabase("e2e_" + tag);
    }
}
