package io.pulse.connectors.mqtt;

import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.connectors.mqtt.source.MqttSourceBuilder;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;

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
        assertThat(options.sharedGroup()).isEqualTo("pulse-telemetry");
        assertThat(options.subscriptionFilter("devices/+/telemetry")).isEqualTo("$share/pulse-telemetry/devices/+/telemetry");
        assertThat(options.deliveryGuarantee()).isEqualTo(MqttDeliveryGuarantee.AT_LEAST_ONCE);
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
    void withoutSharingEveryReaderSubscribesToThePlainFilter() {
        MqttSourceOptions options = valid().noSharedSubscription().build().options();
        assertThat(options.sharedGroup()).isNull();
        assertThat(options.subscriptionFilter("pulse/config/rules")).isEqualTo("pulse/config/rules");
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
