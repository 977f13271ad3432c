package io.pulse.jobs.telemetry.status;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryEnrichmentTest {

    @Test
    void theDisplayNameJoinsWhatTheRegistryKnows() {
        assertThat(RegistryEnrichment.displayName("Freezer", "Lab 2")).isEqualTo("Freezer, Lab 2");
        assertThat(RegistryEnrichment.displayName(null, "Lab 2")).isEqualTo("Lab 2");
        assertThat(RegistryEnrichment.displayName("Freezer", " ")).isEqualTo("Freezer");
        assertThat(RegistryEnrichment.displayName(null, null)).isNull();
    }
}
