package io.pulse.jobs.telemetry.status;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.jobs.telemetry.health.DeviceStatus;

import java.util.List;

/**
 * A device's health as a time series: measurement {@code device_health}, tag {@code device},
 * fields {@code health}, {@code online}, {@code open_alerts}, at the status's {@code updatedAt}
 * (event time, so a replay overwrites its points). Fed only the changes.
 */
public final class HealthPoints implements InfluxPointMapper<DeviceStatus> {

    public static final String MEASUREMENT = "device_health";

    @Override
    public Iterable<InfluxPoint> toPoints(DeviceStatus status) {
        return List.of(InfluxPoint.builder(MEASUREMENT)
                .tag("device", status.deviceId())
                .field("health", (long) status.health())
                .field("online", status.online())
                .field("open_alerts", (long) status.openAlerts())
                .time(status.updatedAt())
                .build());
    }
}
