package io.pulse.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Mosquitto 2 broker (Debian package {@code mosquitto}) with Pulse's canonical settings
 * ({@code config/mosquitto/mosquitto.conf}, packaged in this jar) plus a loopback listener and
 * persistence in its private directory, so persistent sessions and their queued messages survive
 * {@link #restart()}. After {@link #kill()}+{@link #start()} only what the last autosave wrote
 * survives (the canonical {@code autosave_interval} is 60 s): use restart() to test reconnects
 * without loss, kill() to test a real broker crash.
 *
 * <p>Found while testing (Mosquitto 2.0.11): a session whose latest CONNECT had Clean Start = 1
 * is NOT restored after a broker restart, whatever its Session Expiry Interval, although it works
 * while the broker runs. A client that needs its session across broker restarts must connect with
 * Clean Start = 0 every time, including the first.
 *
 * <pre>{@code
 * @RegisterExtension static final MosquittoServer MQTT = MosquittoServer.create();
 * @RegisterExtension static final MosquittoServer SECURE = MosquittoServer.create().withUser("pulse", "secret");
 * }</pre>
 */
public final class MosquittoServer extends ChildProcessServer {

    /** Classpath copy of config/mosquitto/mosquitto.conf (see this module's pom). */
    static final String CANONICAL_CONFIG = "mosquitto.conf";

    private String username;
    private String password;

    private MosquittoServer() {
        super("mosquitto");
    }

    /** Anonymous access allowed. */
    public static MosquittoServer create() {
        return new MosquittoServer();
    }

    /** Only this user may connect ({@code allow_anonymous false}); call before the first start. */
    public MosquittoServer withUser(String username, String password) {
        if (directory() != null) {
            throw new IllegalStateException("withUser(...) must be called before start()");
        }
        if (username == null || username.isEmpty() || username.contains(":")) {
            throw new IllegalArgumentException("invalid MQTT username: " + username);
        }
        this.username = username;
        this.password = password;
        return this;
    }

    /** {@code tcp://127.0.0.1:PORT}, the form Pulse's {@code --mqtt.broker} option takes. */
    public String uri() {
        return "tcp://" + host() + ":" + port();
    }

    /**
     * A new, empty folder for the write-ahead spool of an MQTT source that reads this broker
     * ({@code --mqtt.spool-dir}): one per job a test starts, so no job replays another's spool.
     * It lives in the server's directory and goes with it.
     */
    public String newSpoolDirectory() {
        start();
        try {
            return java.nio.file.Files.createTempDirectory(directory(), "spool-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The user set with {@link #withUser}, or null for anonymous. */
    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The canonical Pulse broker settings as packaged in this jar. */
    public static String canonicalConfig() {
        try (InputStream in = MosquittoServer.class.getResourceAsStream(CANONICAL_CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("resource io/pulse/testservers/" + CANONICAL_CONFIG
                        + " missing: the test-servers pom must package config/mosquitto");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated config file (canonical settings + test lines). */
    public Path configFile() {
        return directory().resolve("mosquitto.conf");
    }

    @Override
    protected void prepare(Path dir, int port) throws Exception {
        RequiredBinary.find("mosquitto", "mosquitto");
        Path passwordFile = dir.resolve("passwd");
        if (username != null) {
            Path tool = RequiredBinary.find("mosquitto_passwd", "mosquitto");
            Files.deleteIfExists(passwordFile); // left over from a failed first start
            Files.createFile(passwordFile);
            run(List.of(tool.toString(), "-b", passwordFile.toString(), username, password),
                    Duration.ofSeconds(30));
        }
        StringBuilder conf = new StringBuilder(canonicalConfig());
        conf.append("\n# ---- test-specific lines added by io.pulse.testservers.MosquittoServer ----\n")
                .append("listener ").append(port).append(" 127.0.0.1\n")
                // Started as root, mosquitto would switch to user 'mosquitto', which cannot write
                // into our temp dir. 'user' is ignored when not started as root.
                .append("user ").append(System.getProperty("user.name")).append('\n')
                .append("persistence true\n")
                .append("persistence_location ").append(dir).append("/\n")
                .append("log_dest file ").append(logFile()).append('\n')
                .append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n")
                .append("log_type subscribe\nlog_type unsubscribe\n");
        if (username != null) {
            conf.append("allow_anonymous false\n")
                    .append("password_file ").append(passwordFile).append('\n');
        } else {
            // With a listener defined, Mosquitto 2 refuses anonymous clients unless told otherwise.
            conf.append("allow_anonymous true\n");
        }
        Files.writeString(dir.resolve("mosquitto.conf"), conf.toString());
    }

    @Override
    protected List<String> command(Path dir, int port) {
        return List.of(RequiredBinary.find("mosquitto", "mosquitto").toString(),
                "-c", dir.resolve("mosquitto.conf").toString());
    }
}
