package io.pulse.launcher.demo;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Names and places of the demo's devices in the {@code devices} table, as an operator would
 * register them, so that alert messages say where a device is ("Temperature on workshop-04
 * (Workshop) ...").
 */
final class DemoRegistry {
    /** device id → name, location. */
    static final Map<String, String[]> DEVICES = Map.of(
            "lab-a-01", new String[] {"Lab A climate", "Lab A"},
            "library-02", new String[] {"Reading room", "Library"},
            "hostel-b-03", new String[] {"Corridor sensor", "Hostel B"},
            "workshop-04", new String[] {"Lathe monitor", "Workshop"},
            "canteen-05", new String[] {"Kitchen sensor", "Canteen"});

    private DemoRegistry() {
    }

    static void register(JdbcSettings database) throws SQLException {
        String sql = "INSERT INTO devices (device_id, name, location, kind) VALUES (?, ?, ?, 'sensor')"
                + " ON DUPLICATE KEY UPDATE name = VALUES(name), location = VALUES(location)";
        try (Connection c = DatabaseConnections.open(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (Map.Entry<String, String[]> device : DEVICES.entrySet()) {
                s.setString(1, device.getKey());
                s.setString(2, device.getValue()[0]);
                s.setString(3, device.getValue()[1]);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
