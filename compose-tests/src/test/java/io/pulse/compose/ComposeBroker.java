package io.pulse.compose;

import io.pulse.testservers.ChildProcessServer;
import io.pulse.testservers.FreePorts;
import io.pulse.testservers.RequiredBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's Mosquitto started the way the compose starts it: deploy/mosquitto/pulse-broker.conf
 * including config/mosquitto/, with the password file and ACL that make-accounts.sh writes from
 * .env.example (or another .env). Only the container paths are mapped to this server's directory and the listener
 * to a free loopback port. {@link #withTls()} runs deploy/tls/make-certs.sh first, as a user would.
 */
final class ComposeBroker extends ChildProcessServer {
    private final Map<String, String> dotEnv;
    private boolean tls;
    private int tlsPort;

    ComposeBroker() {
        this(EnvExample.load());
    }

    /** With the accounts of another .env than .env.example. */
    ComposeBroker(Map<String, String> dotEnv) {
        super("mosquitto-compose");
        this.dotEnv = Map.copyOf(dotEnv);
    }

    ComposeBroker withTls() {
        this.tls = true;
        return this;
    }

    int tlsPort() {
        return tlsPort;
    }

    Path tlsFiles() {
        return directory().resolve("certs");
    }

    /** The broker's log (connections with their user names, subscriptions), as it is written. */
    Path log() {
        return directory().resolve("mosquitto.log");
    }

    @Override
    protected void prepare(Path dir, int port) throws Exception {
        RequiredBinary.find("mosquitto", "mosquitto");
        Path passwd = RequiredBinary.find("mosquitto_passwd", "mosquitto");
        Map<String, String> env = new HashMap<>(dotEnv);
        env.put("PATH", passwd.getParent() + ":" + System.getenv("PATH"));
        Shell.ok(List.of("sh", Repo.file("deploy/mosquitto/make-accounts.sh").toString(),
                dir.resolve("accounts").toString()), env, dir);
        Path confD = Files.createDirectories(dir.resolve("conf.d"));
        if (tls) {
            tlsPort = FreePorts.find();
            Map<String, String> tlsEnv = new HashMap<>();
            tlsEnv.put("PULSE_TLS_OUT", tlsFiles().toString());
            tlsEnv.put("PULSE_TLS_CONF_DIR", confD.toString());
            tlsEnv.put("PULSE_TLS_CERT_DIR", tlsFiles().toString());
            tlsEnv.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
            Shell.ok(List.of("sh", Repo.file("deploy/tls/make-certs.sh").toString(), "localhost"), tlsEnv, dir);
            Path tlsConf = confD.resolve("tls.conf");
            Files.writeString(tlsConf, Files.readString(tlsConf)
                    .replace("listener 8883", "listener " + tlsPort + " 127.0.0.1"));
        }
        Files.createDirectories(dir.resolve("data"));
        String conf = Repo.read("deploy/mosquitto/pulse-broker.conf")
                .replace("listener 1883", "listener " + port + " 127.0.0.1")
                .replace("/mosquitto/accounts/", dir.resolve("accounts") + "/")
                .replace("/mosquitto/data/", dir.resolve("data") + "/")
                .replace("/mosquitto/config/canonical", Repo.file("config/mosquitto").toString())
                .replace("/mosquitto/config/conf.d", confD.toString())
                // Mosquitto flushes a log file line by line, not its stdout into a file: tests read it
                .replace("log_dest stdout", "log_dest stdout\nlog_dest file " + dir.resolve("mosquitto.log") + "\nlog_type subscribe");
        // started as root, Mosquitto would switch to user mosquitto, which cannot read our files
        conf = "user " + System.getProperty("user.name") + "\n" + conf;
        Files.writeString(dir.resolve("mosquitto.conf"), conf);
    }

    @Override
    protected List<String> command(Path dir, int port) {
        return List.of(RequiredBinary.find("mosquitto", "mosquitto").toString(),
                "-c", dir.resolve("mosquitto.conf").toString());
    }
}
