package io.pulse.launcher;

import org.apache.flink.configuration.BlobServerOptions;
import org.apache.flink.configuration.ClusterOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.WebOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * The one temporary folder of a {@code ./pulse run}: Flink's (io.tmp.dirs with the RPC system's
 * extracted jar, the MiniCluster's working folders, blobs, the Web UI's upload and temp folders)
 * and this JVM's ({@code java.io.tmpdir}, e.g. native libraries the clients unpack). It is
 * {@code $TMPDIR/pulse-run-<pid>-*} (else under {@code java.io.tmpdir}) and removed when the run
 * ends, however it ends, so that runs leave nothing behind in /tmp; what a killed run left is
 * removed by the next. What must survive a run (checkpoints,
 * the MQTT spool) is in the state folder, not here.
 */
final class RunFolder implements AutoCloseable {
    private final Path path;
    private final String previousTmpDir;
    private final Thread atExit;

    private RunFolder(Path path) {
        this.path = path;
        this.previousTmpDir = System.getProperty("java.io.tmpdir");
        this.atExit = new Thread(this::deleteQuietly, "pulse-run-folder-cleanup");
    }

    /** Creates the folder and makes it this JVM's temporary folder until {@link #close()}. */
    static RunFolder create(Map<String, String> env) {
        String tmp = env.get("TMPDIR");
        Path base = tmp != null && !tmp.isBlank() && Files.isDirectory(Path.of(tmp)) ? Path.of(tmp)
                : Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(base);
        try {
            RunFolder folder = new RunFolder(Files.createTempDirectory(base.toAbsolutePath(),
                    PREFIX + ProcessHandle.current().pid() + "-"));
            System.setProperty("java.io.tmpdir", folder.path.toString());
            Runtime.getRuntime().addShutdownHook(folder.atExit); // also when the JVM ends some other way
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder in " + base.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static final String PREFIX = "pulse-run-";

    /**
     * The folders of runs whose process is gone: a run killed with SIGKILL (or a power loss) cannot
     * remove its own folder, so the next run does ({@code pulse-run-<pid>-*} of a pid that is not alive).
     */
    static void removeLeftovers(Path base) {
        try (var entries = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path dir : entries) {
                String[] parts = dir.getFileName().toString().substring(PREFIX.length()).split("-", 2);
                if (parts.length == 2 && parts[0].matches("\\d{1,10}")
                        && ProcessHandle.of(Long.parseLong(parts[0])).filter(ProcessHandle::isAlive).isEmpty()) {
                    new RunFolder(dir).deleteQuietly();
                }
            }
        } catch (IOException | RuntimeException e) {
            // only leftovers: they cost disk space, nothing else
        }
    }

    Path path() {
        return path;
    }

    /** Points Flink's temporary files into this folder. */
    Configuration configure(Configuration flink) {
        flink.set(CoreOptions.TMP_DIRS, path.toString());
        flink.set(ClusterOptions.PROCESS_WORKING_DIR_BASE, path.toString());
        flink.set(BlobServerOptions.STORAGE_DIRECTORY, path.resolve("blobs").toString());
        flink.set(WebOptions.TMP_DIR, path.resolve("web").toString());
        flink.set(WebOptions.UPLOAD_DIR, path.resolve("web-upload").toString());
        return flink;
    }

    /** Removes the folder (what Flink still shuts down may add files for a moment: tried until it stays gone). */
    @Override
    public void close() {
        for (int attempt = 0; attempt < 20 && Files.exists(path); attempt++) {
            deleteQuietly();
            try {
                Thread.sleep(attempt == 0 ? 300 : 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        System.setProperty("java.io.tmpdir", previousTmpDir);
        try {
            Runtime.getRuntime().removeShutdownHook(atExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void deleteQuietly() {
        try {
            if (Files.exists(path)) {
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof NoSuchFileException) {
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        Files.deleteIfExists(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
        } catch (IOException e) {
            // tried again by close(); what stays is in the one folder the run named
        }
    }
}
