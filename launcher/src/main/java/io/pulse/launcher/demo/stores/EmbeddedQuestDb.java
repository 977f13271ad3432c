package io.pulse.launcher.demo.stores;

import io.pulse.launcher.demo.Ports;
import io.questdb.ServerMain;
import io.questdb.log.LogFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo's time-series store: QuestDB in this JVM. It serves the InfluxDB v2 write API
 * ({@code /api/v2/write}) that the jobs' time-series sink uses, and a web console on the same
 * port where a newcomer can chart the series with SQL. Only its HTTP server runs, on 127.0.0.1.
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
        LogFactory.configureRootDir(folder.toString()); // read conf/log.conf, not the jar's
        int port = Ports.preferredOrFree(preferredPort);
        ServerMain server = ServerMain.create(folder.toString(), Map.of(
                "QDB_HTTP_BIND_TO", Ports.LOOPBACK + ":" + port,
                "QDB_HTTP_MIN_ENABLED", "false",
                "QDB_PG_ENABLED", "false",
                "QDB_LINE_TCP_ENABLED", "false",
                "QDB_LINE_UDP_ENABLED", "false",
                "QDB_TELEMETRY_ENABLED", "false"));
        try {
            server.start();
            server.awaitStartup();
        } catch (RuntimeException e) {
            server.close();
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
        server.close();
    }
}
