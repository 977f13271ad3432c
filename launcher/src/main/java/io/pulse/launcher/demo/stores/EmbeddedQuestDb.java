package io.pulse.launcher.demo.stores;

import io.pulse.launcher.demo.Ports;
import io.questdb.ServerMain;
import io.questdb.log.LogFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The demo's time-series store: QuestDB in this JVM. It serves the InfluxDB v2 write API
 * ({@code /api/v2/write}) that the jobs' time-series sink uses, and a web console on the same
 * port where a newcomer can chart the series with SQL. Only its HTTP server runs, on 127.0.0.1.
 *
 * <p>Two settings differ from QuestDB's defaults:
 * <ul>
 *   <li>Small pages. QuestDB maps each column file in 16 MB pages (1 MB in the write-ahead log),
 *       so the demo's seven tables took ~670 MB at once; with 256 KB and 128 KB pages they take
 *       ~20 MB and grow with the data.</li>
 *   <li>{@code telemetry.hide.tables=false}. {@code telemetry} (the jobs' measurement) is also the
 *       name of QuestDB's own usage-statistics table, which it counts among its system tables and
 *       leaves out of {@code SHOW TABLES} and {@code tables()}, and so out of the web console's
 *       table list. With telemetry off (below) QuestDB writes nothing there, and this setting
 *       lists it again, together with QuestDB's one-row {@code telemetry_config}. Queries such as
 *       {@code SELECT * FROM telemetry} work either way.</li>
 * </ul>
 */
public final class EmbeddedQuestDb implements AutoCloseable {
    private final ServerMain server;
    private final int port;

    private EmbeddedQuestDb(ServerMain server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedQuestDb start(Path folder, int preferredPort) throws IOException {
        // QuestDB logs to stdout by default; the demo's terminal is for the summary
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.writeString(conf.resolve("log.conf"), String.join("\n",
                "writers=file",
                "w.file.class=io.questdb.log.LogFileWriter",
                "w.file.location=" + folder.resolve("questdb.log"),
                "w.file.level=INFO,ERROR,CRITICAL", ""));
        int port = Ports.preferredOrFree(preferredPort);
        ServerMain server = quietly(() -> {
            LogFactory.configureRootDir(folder.toString()); // read conf/log.conf, not the jar's
            return ServerMain.create(folder.toString(), Map.of(
                "QDB_HTTP_BIND_TO", Ports.LOOPBACK + ":" + port,
                "QDB_HTTP_MIN_ENABLED", "false",
                "QDB_PG_ENABLED", "false",
                "QDB_LINE_TCP_ENABLED", "false",
                "QDB_LINE_UDP_ENABLED", "false",
                "QDB_TELEMETRY_ENABLED", "false",
                "QDB_TELEMETRY_HIDE_TABLES", "false",
                "QDB_CAIRO_WRITER_DATA_APPEND_PAGE_SIZE", "256k",
                "QDB_CAIRO_WRITER_DATA_INDEX_VALUE_APPEND_PAGE_SIZE", "256k",
                "QDB_CAIRO_WAL_WRITER_DATA_APPEND_PAGE_SIZE", "128k"));
        });
        try {
            quietly(() -> {
                server.start();
                server.awaitStartup();
                return null;
            });
        } catch (RuntimeException e) {
            quietly(() -> {
                server.close();
                return null;
            });
            throw e;
        }
        return new EmbeddedQuestDb(server, port);
    }

    public int port() {
        return port;
    }

    /** Where the jobs' {@code --influx.url} points, and the web console. */
    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    @Override
    public void close() {
        quietly(() -> {
            server.close();
            return null;
        });
    }

    /**
     * Runs {@code action} with {@code System.out} and {@code System.err} discarded: QuestDB prints
     * "Reading log configuration from ..." and "QuestDB is shutting down..." there, into the
     * demo's summary (its log goes to questdb.log). The demo prints to the streams it was given,
     * not to {@code System.out} itself; an exception still propagates.
     */
    private static <T> T quietly(Supplier<T> action) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            return action.get();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
