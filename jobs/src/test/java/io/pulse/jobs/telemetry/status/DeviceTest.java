package io.pulse.jobs.telemetry.status;

import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceTest {

    @Test
    void registrationInsertsAnUnknownDeviceAndNeverOverwritesWhatIsThere() {
        assertThat(Device.REGISTRATION.sql()).isEqualTo(
                "INSERT INTO `devices` (`device_id`, `first_seen_at`) VALUES (?, ?) "
                        + "ON DUPLICATE KEY UPDATE `first_seen_at` = COALESCE(`first_seen_at`, VALUES(`first_seen_at`))");
        assertThat(Device.REGISTRATION.sql()).doesNotContain("`name`", "`location`", "`kind`", "`expected_interval_ms`");
    }

    @Test
    void registrationBindsTheIdAndTheFirstSeenTimeInUtc() throws Exception {
        List<Object> bound = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set")) {
                        bound.add(args[1]);
                    }
                    return null;
                });
        Device.REGISTRATION.bind(statement, Device.firstSeen("R1", Instant.parse("2026-03-02T10:00:01.250Z")));
        assertThat(bound).containsExactly("R1", "2026-03-02 10:00:01.250"); // as UTC text: see SqlTimes
    }
}
