package io.pulse.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of {@code pulse people import} (the import itself: RosterImportITCase in jobs). */
class PeopleCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int pulse(String... args) throws Exception {
        err.reset();
        return Pulse.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void wrongCommandLinesAreOneLine(@TempDir Path dir) throws Exception {
        assertThat(pulse("people")).isEqualTo(2);
        assertThat(err()).startsWith("pulse: usage: pulse people import FILE.csv --movement.hmac-key KEY");
        Path csv = Files.writeString(dir.resolve("roster.csv"), "mac\n");
        if (System.getenv("PULSE_MOVEMENT_HMAC_KEY") == null) {
            assertThat(pulse("people", "import", csv.toString(), "--jdbc.url", "jdbc:mysql://h:3306/pulse")).isEqualTo(2);
            assertThat(err()).startsWith("pulse: --movement.hmac-key is required for the movement job");
        }
        assertThat(pulse("people", "import", csv.toString(), "--movement.hmac-key", "k")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: --jdbc.url is required (the database that holds the people table)"
                + " ('pulse people import --help' lists the options)");
        assertThat(pulse("people", "import", dir.resolve("missing.csv").toString(), "--movement.hmac-key", "k",
                "--jdbc.url", "jdbc:mysql://h:3306/pulse")).isEqualTo(2);
        assertThat(err()).startsWith("pulse: cannot read the roster ");
    }

    @Test
    void aMissingRosterIsSaidBeforeAnythingIsAskedFor(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.csv");
        assertThat(pulse("people", "import", missing.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: cannot read the roster " + missing.toAbsolutePath() + " (no such file)");
    }
}
