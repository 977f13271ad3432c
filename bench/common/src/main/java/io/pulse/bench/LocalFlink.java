package io.pulse.bench;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The local MiniCluster a benchmark's Flink side runs in, in the benchmark's own JVM. */
public final class LocalFlink {

    private static Path checkpoints;

    private LocalFlink() {}

    /**
     * A local environment of {@code parallelism} slots, its REST endpoint on loopback and a free
     * port, checkpoints in files as a deployed job keeps them: Flink's default keeps them in the
     * JobManager's memory, which fails every checkpoint (and then the job) once one operator's
     * state passes 5 MB, as a fast run's buffered readings can.
     */
    public static StreamExecutionEnvironment environment(int parallelism) {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.BIND_PORT, "0");
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory().toUri().toString());
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
    }

    /** Flink's version, as the machine description lists it. */
    public static String version() {
        return EnvironmentInformation.getVersion();
    }

    /** One temporary directory for the benchmark's checkpoints, removed when the JVM exits. */
    private static synchronized Path checkpointDirectory() {
        if (checkpoints == null) {
            try {
                checkpoints = Files.createTempDirectory("pulse-bench-checkpoints");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = checkpoints;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        }
        return checkpoints;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}
