package io.pulse.jobs.telemetry.health;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceStatusTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void upsertsOneRowPerDevice() {
        assertThat(DeviceStatus.TABLE.table()).isEqualTo("device_status");
        assertThat(DeviceStatus.TABLE.sql()).isEqualTo(
                "INSERT INTO `device_status` (`device_id`, `last_seen_at`, `online`, `health`, `open_alerts`, `updated_at`) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE `last_seen_at` = VALUES(`last_seen_at`), "
                        + "`online` = VALUES(`online`), `health` = VALUES(`health`), "
                        + "`open_alerts` = VALUES(`open_alerts`), `updated_at` = VALUES(`updated_at`)");
    }

    @Test
    void refusesValuesTheColumnsCannotHold() {
        assertThat(new DeviceStatus("R1", AT, true, 100, 0, AT).health()).isEqualTo(100);
        assertThatThrownBy(() -> new DeviceStatus("R1", AT, true, 101, 0, AT)).hasMessageContaining("health");
        assertThatThrownBy(() -> new DeviceStatus("R1", AT, true, -1, 0, AT)).hasMessageContaining("health");
        assertThatThrownBy(() -> new DeviceStatus("R1", AT, true, 50, -1, AT)).hasMessageContaining("open alerts");
        assertThatThrownBy(() -> new DeviceStatus(null, AT, true, 50, 0, AT)).hasMessageContaining("deviceId");
    }
}
