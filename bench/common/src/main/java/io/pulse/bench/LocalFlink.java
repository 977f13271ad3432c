package io.pulse.bench;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The local MiniCluster a benchmark's Flink side runs in, in the benchmark's own JVM. */
public final class LocalFlink {

    private LocalFlink() {}

    /** A local environment of {@code parallelism} slots, its REST endpoint on loopback and a free port. */
    public static StreamExecutionEnvironment environment(int parallelism) {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.BIND_PORT, "0");
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
    }

    /** Flink's version, as the machine description lists it. */
    public static String version() {
        return EnvironmentInformation.getVersion();
    }
}
