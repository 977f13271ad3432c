package io.pulse.launcher.demo;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ CE running inside this JVM: TCP listener on 127.0.0.1 only, anonymous usage statistics
 * off, in-memory persistence, everything in a private folder that {@link #close()} removes.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long START_TIMEOUT_S = 60;
    private static final long STOP_TIMEOUT_S = 30;

    private final Path home;
    private final int port;
    private final EmbeddedHiveMQ hivemq;

    private EmbeddedBroker(Path home, int port, EmbeddedHiveMQ hivemq) {
        this.home = home;
        this.port = port;
        this.hivemq = hivemq;
    }

    /**
     * Starts the broker on {@code preferredPort} if it is free on 127.0.0.1, otherwise on a free
     * port, in a new folder below {@code parent}.
     */
    public static EmbeddedBroker start(Path parent, int preferredPort) throws Exception {
        int port = Ports.preferredOrFree(preferredPort);
        Path home = Files.createTempDirectory(parent, "hivemq-");
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path data = Files.createDirectories(home.resolve("data"));
        Path extensions = Files.createDirectories(home.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), config(port), StandardCharsets.UTF_8);

        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                // HiveMQ would otherwise reconfigure logback, which Pulse does not ship
                .withoutLoggingBootstrap()
                .build();
        try {
            hivemq.start().get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            try {
                hivemq.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            TempDirs.deleteRecursively(home);
            throw e;
        }
        LOG.debug("HiveMQ CE listens on {}:{} (config {})", Ports.LOOPBACK, port, conf);
        return new EmbeddedBroker(home, port, hivemq);
    }

    /** The HiveMQ configuration: loopback TCP listener, no statistics, in-memory persistence. */
    static String config(int port) {
        return String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<hivemq>",
                "  <listeners>",
                "    <tcp-listener>",
                "      <port>" + port + "</port>",
                "      <bind-address>" + Ports.LOOPBACK + "</bind-address>",
                "      <name>pulse-demo</name>",
                "    </tcp-listener>",
                "  </listeners>",
                "  <anonymous-usage-statistics>",
                "    <enabled>false</enabled>",
                "  </anonymous-usage-statistics>",
                "  <persistence>",
                "    <mode>in-memory</mode>",
                "  </persistence>",
                "</hivemq>",
                "");
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:port}. */
    public String uri() {
        return "tcp://" + Ports.LOOPBACK + ":" + port;
    }

    /** The broker's private folder (config, data, extensions). */
    public Path home() {
        return home;
    }

    /** Stops the broker and removes its folder. */
    @Override
    public void close() throws Exception {
        try {
            hivemq.stop().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
            hivemq.close();
        } finally {
            try {
                TempDirs.deleteRecursively(home);
            } catch (IOException e) {
                LOG.warn("could not remove {}: {}", home, e.toString());
            }
        }
    }
}
