package io.pulse.testservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The one Flink MiniCluster setup of Pulse's ITCases, so they all run jobs the same way:
 *
 * <pre>{@code @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();}</pre>
 *
 * <p>One TaskManager (as on a single-host deployment) with {@value #DEFAULT_SLOTS} slots: room for
 * parallelism 2-4, to catch bugs that only show with more than one subtask. Inside a test,
 * {@code StreamExecutionEnvironment.getExecutionEnvironment()} returns an environment bound to
 * this cluster; {@code @InjectClusterClient ClusterClient<?>} gives a client to cancel jobs.
 */
public final class FlinkTestCluster {

    public static final int DEFAULT_SLOTS = 4;

    private FlinkTestCluster() {}

    /** 1 TaskManager, {@value #DEFAULT_SLOTS} slots. */
    public static MiniClusterExtension extension() {
        return extension(DEFAULT_SLOTS);
    }

    /** 1 TaskManager with {@code slots} slots. */
    public static MiniClusterExtension extension(int slots) {
        return extension(slots, new Configuration());
    }

    /** 1 TaskManager with {@code slots} slots and extra cluster settings. */
    public static MiniClusterExtension extension(int slots, Configuration extra) {
        Configuration config = new Configuration();
        // Web UI / REST on loopback only, like every other test server.
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.addAll(extra);
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(slots)
                .setConfiguration(config)
                .build());
    }

    /**
     * The newest completed checkpoint (a {@code chk-N} folder with its {@code _metadata}) under a
     * job's checkpoint directory, for restoring a cancelled job from it.
     */
    public static Optional<Path> latestCheckpoint(Path dir) {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring("chk-".length()))));
        } catch (IOException e) {
            return Optional.empty(); // not written yet
        }
    }
}
