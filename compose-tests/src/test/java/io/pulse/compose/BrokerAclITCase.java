package io.pulse.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.pulse.testservers.RequiredBinary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compose's broker for real (its config, the accounts from .env.example, its ACL): who may
 * connect, publish and read what, and the simulator publishing with device credentials.
 */
class BrokerAclITCase {
    @RegisterExtension
    static final ComposeBroker BROKER = new ComposeBroker();

    private static final Map<String, String> ENV = EnvExample.load();
    /** Nothing more arrives within this time: what the ACL dropped stays dropped. */
    private static final long SILENCE_MS = 700;

    static String devicePassword(String account) {
        for (String pair : (ENV.get("MQTT_DEVICE_ACCOUNTS") + " " + ENV.get("MQTT_GATE_ACCOUNTS")).split(" ")) {
            if (pair.startsWith(account + ":")) {
                return pair.substring(account.length() + 1);
            }
        }
        throw new IllegalArgumentException(account);
    }

    private static MqttProbe jobs() {
        return MqttProbe.connect(BROKER.port(), "pulse-jobs", ENV.get("MQTT_JOBS_PASSWORD"));
    }

    private static MqttProbe device(String id) {
        return MqttProbe.connect(BROKER.port(), id, devicePassword(id));
    }

    @Test
    void anonymous_clients_and_wrong_passwords_are_refused() {
        assertThatThrownBy(() -> MqttProbe.connect(BROKER.port(), null, null))
                .isInstanceOf(Mqtt5ConnAckException.class);
        assertThatThrownBy(() -> MqttProbe.connect(BROKER.port(), "lab-a-01", "wrong"))
                .isInstanceOf(Mqtt5ConnAckException.class);
        assertThatThrownBy(() -> MqttProbe.connect(BROKER.port(), "pulse-jobs", devicePassword("lab-a-01")))
                .isInstanceOf(Mqtt5ConnAckException.class);
    }

    @Test
    void a_device_publishes_its_own_telemetry_and_nothing_else() throws Exception {
        try (MqttProbe jobs = jobs(); MqttProbe device = device("lab-a-01")) {
            jobs.subscribe("devices/+/telemetry");
            jobs.subscribe("pulse/config/rules");
            jobs.subscribe("alerts/#");
            assertThat(device.publish("devices/lab-a-01/telemetry", "{\"own\":1}", false))
                    .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(device.publish("devices/library-02/telemetry", "{\"forged\":1}", false))
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.publish("pulse/config/rules", "{\"forged\":1}", true))
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.publish("alerts/lab-a-01", "{\"forged\":1}", false))
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(jobs.next(5000)).isEqualTo("devices/lab-a-01/telemetry {\"own\":1}");
            assertThat(jobs.next(SILENCE_MS)).isNull();
        }
    }

    @Test
    void a_gate_account_publishes_only_its_gate() throws Exception {
        try (MqttProbe jobs = jobs(); MqttProbe gate = MqttProbe.connect(BROKER.port(), "gate-main", devicePassword("main"))) {
            jobs.subscribe("campus/gates/+/sightings");
            assertThat(gate.publish("campus/gates/main/sightings", "{\"g\":1}", false)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(gate.publish("campus/gates/east/sightings", "{\"g\":2}", false)).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(jobs.next(5000)).isEqualTo("campus/gates/main/sightings {\"g\":1}");
            assertThat(jobs.next(SILENCE_MS)).isNull();
        }
    }

    @Test
    void only_the_operator_writes_the_rules_and_the_jobs_read_them() throws Exception {
        try (MqttProbe operator = MqttProbe.connect(BROKER.port(), "pulse-operator", ENV.get("MQTT_OPERATOR_PASSWORD"));
             MqttProbe jobs = jobs()) {
            assertThat(jobs.publish("pulse/config/rules", "{\"jobs\":1}", true)).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(operator.publish("pulse/config/rules", "{\"version\":7}", true)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            jobs.subscribe("pulse/config/rules");
            assertThat(jobs.next(5000)).isEqualTo("pulse/config/rules {\"version\":7}");
        }
    }

    @Test
    void the_jobs_write_alerts_and_commands_and_a_device_reads_only_its_own_commands() throws Exception {
        try (MqttProbe jobs = jobs(); MqttProbe device = device("lab-a-01");
             MqttProbe operator = MqttProbe.connect(BROKER.port(), "pulse-operator", ENV.get("MQTT_OPERATOR_PASSWORD"))) {
            assertThat(device.subscribe("devices/lab-a-01/commands")).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
            // Mosquitto 2.0 grants the subscription but delivers nothing the ACL does not let it read
            device.subscribe("devices/library-02/commands");
            operator.subscribe("alerts/#");
            assertThat(jobs.publish("devices/lab-a-01/commands", "{\"fan\":\"on\"}", false)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(jobs.publish("devices/library-02/commands", "{\"fan\":\"off\"}", false)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(jobs.publish("alerts/lab-a-01", "{\"type\":\"OVERHEAT\"}", false)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(jobs.publish("devices/lab-a-01/telemetry", "{\"forged\":1}", false)).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.next(5000)).isEqualTo("devices/lab-a-01/commands {\"fan\":\"on\"}");
            assertThat(device.next(SILENCE_MS)).isNull();
            assertThat(operator.next(5000)).isEqualTo("alerts/lab-a-01 {\"type\":\"OVERHEAT\"}");
        }
    }

    @Test
    void the_bridge_publishes_meter_readings_and_its_status() throws Exception {
        try (MqttProbe jobs = jobs(); MqttProbe bridge = MqttProbe.connect(BROKER.port(), "pulse-bridge", ENV.get("MQTT_BRIDGE_PASSWORD"))) {
            jobs.subscribe("energy/meters/+/readings");
            assertThat(bridge.publish("energy/meters/main-incomer/readings", "{\"power\":1}", false)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(bridge.publish("energy/bridges/compose-bridge/status", "{\"state\":\"online\"}", true)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(bridge.publish("devices/lab-a-01/telemetry", "{\"forged\":1}", false)).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(jobs.next(5000)).isEqualTo("energy/meters/main-incomer/readings {\"power\":1}");
        }
    }

    @Test
    void the_simulator_publishes_every_device_and_gate_with_its_own_account() throws Exception {
        try (MqttProbe jobs = jobs()) {
            jobs.subscribe("devices/+/telemetry");
            jobs.subscribe("campus/gates/+/sightings");
            Map<String, String> env = new HashMap<>(ENV);
            env.put("MQTT_HOST", "127.0.0.1");
            env.put("MQTT_PORT", String.valueOf(BROKER.port()));
            env.put("SIM_ROUNDS", "2");
            env.put("SIM_INTERVAL", "0");
            env.put("PATH", RequiredBinary.find("mosquitto_pub", "mosquitto-clients").getParent() + ":" + System.getenv("PATH"));
            Shell.Result run = Shell.run(List.of("sh", Repo.file("deploy/simulator/simulate.sh").toString()), env, Repo.ROOT);
            assertThat(run.exitCode()).isZero();
            assertThat(run.stderr()).doesNotContain("could not publish");
            List<String> received = new ArrayList<>();
            for (String next = jobs.next(5000); next != null; next = jobs.next(SILENCE_MS)) {
                received.add(next);
            }
            // 2 rounds x (5 devices + 2 gates x 3 sightings)
            assertThat(received).hasSize(22);
            assertThat(received).filteredOn(m -> m.startsWith("devices/workshop-04/telemetry {\"deviceId\":\"workshop-04\",\"ts\":"))
                    .hasSize(2);
            assertThat(received).filteredOn(m -> m.startsWith("campus/gates/east/sightings {\"scanner\":\"east-")).hasSize(6);
        }
    }
}
