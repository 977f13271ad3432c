package io.pulse.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TLS listener as deploy/tls/make-certs.sh sets it up: a private CA, a server certificate
 * for localhost, and a PKCS12 trust store that Java clients (Pulse's MQTT connector takes one)
 * load the way the connector does, with the store type of the JVM's default.
 */
class BrokerTlsITCase {
    @RegisterExtension
    static final ComposeBroker BROKER = new ComposeBroker().withTls();

    private static final Map<String, String> ENV = EnvExample.load();

    private static MqttClientSslConfig trusting(String store, String password) throws Exception {
        KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(BROKER.tlsFiles().resolve(store))) {
            keys.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        return MqttClientSslConfig.builder().trustManagerFactory(trust).build();
    }

    @Test
    void clients_that_trust_the_private_ca_talk_over_tls_with_their_accounts() throws Exception {
        MqttClientSslConfig ssl = trusting("truststore.p12", "changeit");
        try (MqttProbe jobs = MqttProbe.connect(BROKER.tlsPort(), "pulse-jobs", ENV.get("MQTT_JOBS_PASSWORD"), ssl);
             MqttProbe device = MqttProbe.connect(BROKER.tlsPort(), "lab-a-01", BrokerAclITCase.devicePassword("lab-a-01"), ssl)) {
            jobs.subscribe("devices/+/telemetry");
            assertThat(device.publish("devices/lab-a-01/telemetry", "{\"tls\":1}", false)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(jobs.next(5000)).isEqualTo("devices/lab-a-01/telemetry {\"tls\":1}");
            // the ACL holds on the TLS listener too
            assertThat(device.publish("pulse/config/rules", "{}", true)).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        }
    }

    @Test
    void a_client_without_the_ca_is_refused_in_the_handshake() {
        MqttClientSslConfig jvmDefaults = MqttClientSslConfig.builder().build();
        assertThatThrownBy(() -> MqttProbe.connect(BROKER.tlsPort(), "pulse-jobs", ENV.get("MQTT_JOBS_PASSWORD"), jvmDefaults))
                .hasStackTraceContaining("unable to find valid certification path");
    }

    @Test
    void the_script_writes_a_listener_that_names_its_files_and_keeps_the_ca_key_private() throws Exception {
        String conf = Files.readString(BROKER.directory().resolve("conf.d/tls.conf"));
        assertThat(conf).contains("certfile " + BROKER.tlsFiles().resolve("server.crt"),
                "keyfile " + BROKER.tlsFiles().resolve("server.key"), "cafile " + BROKER.tlsFiles().resolve("ca.crt"));
        assertThat(Files.getPosixFilePermissions(BROKER.tlsFiles().resolve("ca.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
