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
}
