package io.pulse.jobs.movement.ingest;

import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.options.OptionsException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymKeyTest {

    @Test
    void fromTheOptionTheFileOrTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "from-file\n");
        assertThat(PseudonymKey.resolve(JobOptions.parse("--movement.hmac-key", "inline"), Map.of())).isEqualTo("inline");
        assertThat(PseudonymKey.resolve(JobOptions.parse("--movement.hmac-key-file", file.toString()), Map.of()))
                .isEqualTo("from-file");
        assertThat(PseudonymKey.resolve(JobOptions.parse(), Map.of(PseudonymKey.ENVIRONMENT_VARIABLE, "from-env")))
                .isEqualTo("from-env");
    }

    @Test
    void withoutAKeyTheJobRefusesWithOneLine(@TempDir Path dir) {
        assertThatThrownBy(() -> PseudonymKey.resolve(JobOptions.parse(), Map.of()))
                .isInstanceOf(OptionsException.class)
                .hasMessage("--movement.hmac-key is required for the movement job (the secret that pseudonymizes MAC"
                        + " addresses; or --movement.hmac-key-file <file>, or the environment variable PULSE_MOVEMENT_HMAC_KEY)");
        assertThatThrownBy(() -> PseudonymKey.resolve(JobOptions.parse("--movement.hmac-key-file",
                dir.resolve("missing").toString()), Map.of()))
                .hasMessageStartingWith("--movement.hmac-key-file cannot be read: ");
    }
}
