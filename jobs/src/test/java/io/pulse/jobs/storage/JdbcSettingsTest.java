package io.pulse.jobs.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcSettingsTest {

    @Test
    void addsTheParametersPulseNeedsOnlyWhenMissing() {
        assertThat(JdbcSettings.of("jdbc:mysql://db:3306/pulse", "u", "p").url()).isEqualTo(
                "jdbc:mysql://db:3306/pulse?rewriteBatchedStatements=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
        assertThat(JdbcSettings.of("jdbc:mysql://db/pulse?connectionTimeZone=UTC&sslMode=REQUIRED", "u", "p").url()).isEqualTo(
                "jdbc:mysql://db/pulse?connectionTimeZone=UTC&sslMode=REQUIRED&rewriteBatchedStatements=true&forceConnectionTimeZoneToSession=true");
    }

    @Test
    void neverShowsPasswords() {
        JdbcSettings settings = JdbcSettings.of("jdbc:mysql://db/pulse?user=x&password=hunter2", "u", "s3cret");
        assertThat(settings.toString()).isEqualTo("jdbc:mysql://db/pulse as u");
    }

    @Test
    void batchingComesFromTheJobOptionsWithDefaults() {
        io.pulse.jobs.options.JobOptions defaults = io.pulse.jobs.options.JobOptions.parse("--jdbc.url", "jdbc:mysql://db/pulse");
        assertThat(StorageSetup.settings(defaults)).extracting(JdbcSettings::batchSize, JdbcSettings::batchIntervalMs, JdbcSettings::maxRetries)
                .containsExactly(500, 1000L, 5);
        io.pulse.jobs.options.JobOptions tuned = io.pulse.jobs.options.JobOptions.parse("--jdbc.url", "jdbc:mysql://db/pulse",
                "--jdbc.batch-size", "2000", "--jdbc.batch-interval", "250", "--jdbc.max-retries", "8");
        assertThat(StorageSetup.settings(tuned)).extracting(JdbcSettings::batchSize, JdbcSettings::batchIntervalMs, JdbcSettings::maxRetries)
                .containsExactly(2000, 250L, 8);
    }
}
