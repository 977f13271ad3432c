package io.pulse.bench.e2e;

import io.pulse.testservers.MosquittoServer;

import java.time.Duration;

/**
 * A baseline that stores each telemetry message as one row of {@code readings} in a new MariaDB
 * database: (b) the seed-style Python subscriber and (c) Node-RED. It is ready once a warm-up reading
 * (device {@code warm-<tag>}, not counted) published after its start is in the table, which proves it
 * is subscribed and connected to the database.
 */
abstract class SqlBaselineSide implements Side {

    static final String TABLE = "CREATE TABLE readings (id BIGINT AUTO_INCREMENT PRIMARY KEY, device_id VARCHAR(64) NOT NULL,"
            + " ts BIGINT NOT NULL, temperature DOUBLE, humidity DOUBLE, battery DOUBLE,"
            + " received_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)) ENGINE=InnoDB";

    protected String jdbcUrl;
    protected String database;
    private ChildProcess process;

    @Override
    public Workload workload() {
        return Workload.TELEMETRY;
    }

    @Override
    public boolean flushes() {
        return false;
    }

    /** Starts the subscriber on the prepared database (through {@link #started}); returns at once. */
    protected abstract void launch(Servers s, String run) throws Exception;

    /** The subscriber's process, as soon as it runs: stopped by {@link #stop} even if launching fails later. */
    protected final ChildProcess started(ChildProcess started) {
        process = started;
        return started;
    }

    @Override
    public final void start(Servers s, String run) throws Exception {
        jdbcUrl = s.database(run);
        database = "e2e_" + run;
        Stores.execute(jdbcUrl, s.db().user(), s.db().password(), TABLE);
        launch(s, run);
        awaitWarmUp(s, run);
    }

    @Override
    public Stores.Store store(Servers s, String tag) {
        return Stores.sql(jdbcUrl, s.db().user(), s.db().password(),
                "SELECT COUNT(*) FROM readings WHERE device_id LIKE '" + tag + "-%'", null);
    }

    private void awaitWarmUp(Servers s, String tag) throws Exception {
        MosquittoServer mqtt = s.mqtt();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Publisher warm = new Publisher(mqtt, "e2e-warm-" + tag)) {
            for (int i = 0; ; i++) {
                warm.publish("devices/warm-" + tag + "/telemetry", "{\"deviceId\":\"warm-" + tag + "\",\"ts\":"
                        + (System.currentTimeMillis() + i) + ",\"temperature\":20.0}");
                for (int j = 0; j < 10; j++) {
                    Thread.sleep(100);
                    if (Stores.queryLong(jdbcUrl, s.db().user(), s.db().password(),
                            "SELECT COUNT(*) FROM readings WHERE device_id = 'warm-" + tag + "'") > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(key() + " stored no warm-up reading within 2 minutes: " + diagnostics());
                }
            }
        }
    }

    /** What to show when it does not get ready (its output). */
    private String diagnostics() {
        return process == null ? "not started" : process.log() + "\n" + process.tail();
    }

    @Override
    public boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public String checks(Servers s, String tag, int messages) throws Exception {
        long distinct = Stores.queryLong(jdbcUrl, s.db().user(), s.db().password(),
                "SELECT COUNT(*) FROM (SELECT DISTINCT device_id, ts FROM readings WHERE device_id LIKE '" + tag + "-%') d");
        return String.format("distinct readings stored: %,d", distinct);
    }
}
