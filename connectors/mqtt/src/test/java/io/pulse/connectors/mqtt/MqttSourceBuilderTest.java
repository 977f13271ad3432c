package io.pulse.connectors.mqtt;

import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.connectors.mqtt.source.MqttSourceBuilder;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.MqttSubscriptionMode;
import io.pulse.connectors.mqtt.source.spool.SpoolSettings;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttSourceBuilderTest {

    private static MqttSourceBuilder<String> valid() {
        return MqttSource.<String>builder()
                .brokerUri("tcp://broker.campus:1883")
                .topic("devices/+/telemetry")
                .clientIdPrefix("pulse-telemetry")
                .deserializer(MqttDeserializer.utf8());
    }

    @Test
    void appliesDocumentedDefaults() {
        MqttSourceOptions options = valid().build().options();
        assertThat(options.topicFilters()).containsEntry("devices/+/telemetry", 1);
        assertThat(options.subscriptionMode()).isEqualTo(MqttSubscriptionMode.PARTITIONED);
        assertThat(options.subscriptionFilter("devices/+/telemetry")).isEqualTo("devices/+/telemetry");
        assertThat(options.spoolSettings()).isEqualTo(SpoolSettings.DEFAULT);
        assertThat(options.spoolFolder("pulse-telemetry-0"))
                .isEqualTo(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "pulse-mqtt-spool", "pulse-telemetry-0"));
        assertThat(options.sessionExpiry()).isEqualTo(Duration.ofDays(7));
        assertThat(options.receiveMaximum()).isEqualTo(65_535);
        assertThat(options.connection().port()).isEqualTo(1883);
        assertThat(options.connection().tls()).isFalse();
    }

    @Test
    void sslUrisUseTlsAndDefaultPort8883AndPasswordsStayOutOfToString() {
        MqttConnectionOptions connection = valid().brokerUri("ssl://broker.campus").credentials("pulse", "s3cret").build()
                .options().connection();
        assertThat(connection.tls()).isTrue();
        assertThat(connection.port()).isEqualTo(8883);
        assertThat(connection.toString()).contains("pulse").doesNotContain("s3cret");
    }

    @Test
    void aSharedGroupSubscribesThroughShareAndBroadcastThroughThePlainFilter() {
        MqttSourceOptions shared = valid().sharedGroup("readers").build().options();
        assertThat(shared.subscriptionMode()).isEqualTo(MqttSubscriptionMode.SHARED);
        assertThat(shared.subscriptionFilter("devices/+/telemetry")).isEqualTo("$share/readers/devices/+/telemetry");
        MqttSourceOptions broadcast = valid().broadcast().build().options();
        assertThat(broadcast.subscriptionMode()).isEqualTo(MqttSubscriptionMode.BROADCAST);
        assertThat(broadcast.subscriptionFilter("pulse/config/rules")).isEqualTo("pulse/config/rules");
    }

    @Test
    void spoolOptions() {
        MqttSourceOptions options = valid().spoolDirectory("/var/lib/pulse/spool").spoolMaxBytes(64L << 20).spoolSync(false)
                .build().options();
        assertThat(options.spoolFolder("c-1")).isEqualTo(java.nio.file.Path.of("/var/lib/pulse/spool/c-1"));
        assertThat(options.spoolSettings()).isEqualTo(new SpoolSettings(64L << 20, 16L << 20, false));
        assertThatThrownBy(() -> valid().spoolDirectory("spool").build()).hasMessageContaining("absolute path");
    }

    @Test
    void namesTheWrongOptionClearly() {
        assertThatThrownBy(() -> valid().brokerUri("http://x:1883").build()).hasMessageContaining("tcp:// or ssl://");
        assertThatThrownBy(() -> valid().brokerUri(null).build()).hasMessageContaining("broker URI is missing");
        assertThatThrownBy(() -> MqttSource.<String>builder().brokerUri("tcp://x:1").clientIdPrefix("p")
                .deserializer(MqttDeserializer.utf8()).build()).hasMessageContaining("at least one topic");
        assertThatThrownBy(() -> valid().topic("a/#", 3)).hasMessageContaining("QoS must be 0, 1 or 2");
        assertThatThrownBy(() -> valid().topic("$share/g/a")).hasMessageContaining("use sharedGroup");
        assertThatThrownBy(() -> valid().clientIdPrefix("bad id").build()).hasMessageContaining("client-id prefix");
        assertThatThrownBy(() -> valid().sharedGroup("a/b").build()).hasMessageContaining("shared group");
        assertThatThrownBy(() -> valid().receiveMaximum(0).build()).hasMessageContaining("receive maximum");
        assertThatThrownBy(() -> valid().deserializer(null).build()).hasMessageContaining("deserializer");
    }
}
