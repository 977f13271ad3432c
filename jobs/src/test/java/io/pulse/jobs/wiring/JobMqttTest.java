package io.pulse.jobs.wiring;

import io.pulse.connectors.mqtt.MqttConnectionOptions;
import io.pulse.jobs.options.JobOptions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobMqttTest {

    @Test
    void theJobsMqttOptionsReachTheSource() {
        JobOptions options = JobOptions.parse("--mqtt.broker", "ssl://broker.campus:8883", "--mqtt.username", "pulse-jobs",
                "--mqtt.password", "secret", "--mqtt.truststore", "/etc/pulse/truststore.p12",
                "--mqtt.truststore-password", "changeit", "--mqtt.spool-dir", "/var/lib/pulse/spool");
        var source = JobMqtt.source(options, "devices/+/telemetry", "pulse-telemetry").build().options();
        MqttConnectionOptions connection = source.connection();
        assertThat(connection.tls()).isTrue();
        assertThat(connection.trustStorePath()).isEqualTo("/etc/pulse/truststore.p12");
        assertThat(connection.trustStorePassword()).isEqualTo("changeit");
        assertThat(connection.username()).isEqualTo("pulse-jobs");
        assertThat(source.spoolFolder("pulse-telemetry-0").toString()).isEqualTo("/var/lib/pulse/spool/pulse-telemetry-0");
        assertThat(options.toString()).doesNotContain("changeit").doesNotContain("secret");
    }
}
