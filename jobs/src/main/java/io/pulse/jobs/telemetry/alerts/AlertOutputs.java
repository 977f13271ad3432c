package io.pulse.jobs.telemetry.alerts;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side outputs of {@link AlertLifecycle} and {@link OfflineDetector}; their main output is the {@link Alert} rows. */
public final class AlertOutputs {

    /** Alert changes for {@code alerts/{deviceId}}. */
    public static final OutputTag<AlertEvent> EVENTS =
            new OutputTag<>("alert-events", TypeInformation.of(AlertEvent.class));

    /** Commands for {@code devices/{deviceId}/commands}. */
    public static final OutputTag<DeviceCommand> COMMANDS =
            new OutputTag<>("device-commands", TypeInformation.of(DeviceCommand.class));

    private AlertOutputs() {}
}
