package io.pulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every wait has a deadline and a message: a database port that accepts connections and never
 * answers ends {@code db migrate}, {@code people import} and {@code run} with one line naming
 * its host and port once {@code --jdbc.connect-timeout} has passed, instead of waiting forever.
 */
class DeadlinesTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int pulse(String... args) throws Exception {
        out.reset();
        err.reset();
        return Pulse.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    private static String silentAnswer(SilentServer db, String url) {
        return "pulse: cannot connect to MySQL at " + url + " as pulse: " + db.hostAndPort()
                + " accepted the connection but did not answer within 2 s (--jdbc.connect-timeout; is it a MySQL server?)";
    }

    @Test
    void dbMigrateGivesUpOnASilentDatabase() throws Exception {
        try (SilentServer db = new SilentServer()) {
            String url = "jdbc:mysql://" + db.hostAndPort() + "/pulse";
            assertThat(pulse("db", "migrate", "--jdbc.url", url, "--jdbc.user", "pulse", "--jdbc.password", "",
                    "--jdbc.connect-timeout", "2s")).isEqualTo(1);
            assertThat(err()).isEqualTo(silentAnswer(db, url));
            assertThat(db.accepted()).isPositive();
        }
    }

    @Test
    void runGivesUpOnASilentDatabase() throws Exception {
        try (SilentServer db = new SilentServer()) {
            String url = "jdbc:mysql://" + db.hostAndPort() + "/pulse";
            assertThat(pulse("run", "telemetry", "--mqtt.broker", "tcp://127.0.0.1:1", "--jdbc.url", url,
                    "--jdbc.user", "pulse", "--jdbc.connect-timeout", "2s", "--state.dir", dir.resolve("state").toString()))
                    .isEqualTo(1);
            assertThat(err()).isEqualTo(silentAnswer(db, url));
        }
    }

    @Test
    void peopleImportGivesUpOnASilentDatabase() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.csv"), "mac,roll_no\n");
        try (SilentServer db = new SilentServer()) {
            String url = "jdbc:mysql://" + db.hostAndPort() + "/pulse";
            assertThat(pulse("people", "import", roster.toString(), "--movement.hmac-key", "k", "--jdbc.url", url,
                    "--jdbc.user", "pulse", "--jdbc.connect-timeout", "2s")).isEqualTo(1);
            assertThat(err()).isEqualTo(silentAnswer(db, url));
        }
    }
}
