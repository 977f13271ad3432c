package io.pulse.jobs.energy;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.ingest.MessageParser;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeterParserTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:10:00Z");
    private static final String TOPIC = "energy/meters/M1/readings";

    private final List<MeterReading> readings = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();

    private void parse(String topic, String json) {
        new MeterParser().parse(new MqttMessage(topic, json.getBytes(StandardCharsets.UTF_8), 1, false, null, Map.of()), NOW, readings::add,
                new MessageParser.Rejects() {
                    @Override
                    public void reject(String reason) {
                        reasons.add(reason);
                    }

                    @Override
                    public void reject(String reason, String part) {
                        reasons.add(reason + " | " + part);
                    }
                });
    }

    private String reasonOf(String json) {
        reasons.clear();
        parse(TOPIC, json);
        assertThat(reasons).as(json).hasSize(1);
        return reasons.get(0);
    }

    @Test
    void aFullReadingKeepsEveryValueAndAMinimalOneMarksTheRestAbsent() {
        parse(TOPIC, "{\"meterId\":\"M1\",\"ts\":\"2026-03-02T08:00:01.250Z\",\"voltage\":231.5,\"current\":4.2,"
                + "\"power\":950.5,\"powerFactor\":0.98,\"frequency\":50.01,\"energyRegisterWh\":123456}");
        parse(TOPIC, "{\"meterId\":\"M1\",\"ts\":1772438400000,\"power\":-300}");

        assertThat(reasons).isEmpty();
        assertThat(readings.get(0)).isEqualTo(new MeterReading("M1",
                Instant.parse("2026-03-02T08:00:01.250Z").toEpochMilli(), 950.5, 231.5, 4.2, 123456));
        MeterReading minimal = readings.get(1);
        assertThat(minimal.powerW()).as("export is negative power").isEqualTo(-300);
        assertThat(minimal.hasVoltage()).isFalse();
        assertThat(minimal.hasCurrent()).isFalse();
        assertThat(minimal.hasEnergyRegister()).isFalse();
    }

    @Test
    void badReadingsAreRefusedWithTheirReason() {
        String ts = "\"ts\":1772438400000";
        assertThat(reasonOf("{" + ts + ",\"power\":1}")).isEqualTo("meterId is missing");
        assertThat(reasonOf("{\"meterId\":\"M2\"," + ts + ",\"power\":1}")).isEqualTo("meterId 'M2' does not match the topic's 'M1'");
        assertThat(reasonOf("{\"meterId\":\"M1\",\"power\":1}")).isEqualTo("ts is missing");
        assertThat(reasonOf("{\"meterId\":\"M1\",\"ts\":\"2026-03-02T08:20:00Z\",\"power\":1}"))
                .isEqualTo("ts 2026-03-02T08:20:00Z is more than 5 minutes in the future");
        assertThat(reasonOf("{\"meterId\":\"M1\"," + ts + ",\"voltage\":230}")).isEqualTo("power is missing");
        assertThat(reasonOf("{\"meterId\":\"M1\"," + ts + ",\"power\":\"12\"}")).isEqualTo("power must be a number, got string");
        assertThat(reasonOf("{\"meterId\":\"M1\"," + ts + ",\"power\":null}")).isEqualTo("power must be a number, got null");
        assertThat(reasonOf("{\"meterId\":\"M1\"," + ts + ",\"power\":NaN}")).isEqualTo("power is NaN");
        assertThat(reasonOf("{\"meterId\":\"M1\"," + ts + ",\"power\":1,\"current\":-Infinity}")).isEqualTo("current is infinite");
        assertThat(reasonOf("{\"meterId\":\"M1\"," + ts + ",\"power\":1,\"voltage\":-230}"))
                .isEqualTo("voltage -230.0 is outside its valid range [0, 1000]");
        assertThat(reasonOf("{\"meterId\":\"M1\"," + ts + ",\"power\":2e7}"))
                .isEqualTo("power 2.0E7 is outside its valid range [-10000000, 10000000]");
        assertThat(reasonOf("{\"meterId\":\"M1\"," + ts + ",\"power\":1,\"powerFactor\":1.5}"))
                .isEqualTo("powerFactor 1.5 is outside its valid range [-1, 1]");
        assertThat(reasonOf("{\"meterId\":\"M1\"," + ts + ",\"power\":1,\"energyRegisterWh\":-1}"))
                .isEqualTo("energyRegisterWh -1.0 is outside its valid range [0, 1000000000000000]");
        assertThat(readings).isEmpty();
    }

    @Test
    void theCampusIdIsReservedAndAnArrayIsJudgedPerObject() {
        reasons.clear();
        parse("energy/meters/*/readings", "{\"meterId\":\"*\",\"ts\":1,\"power\":1}");
        assertThat(reasons).containsExactly("meterId '*' is reserved for the campus total");

        reasons.clear();
        parse(TOPIC, "[{\"meterId\":\"M1\",\"ts\":1772438400000,\"power\":5},{\"meterId\":\"M1\",\"ts\":2,\"power\":\"x\"}]");
        assertThat(readings).extracting(MeterReading::ts).containsExactly(1772438400000L);
        assertThat(reasons).containsExactly("power must be a number, got string | {\"meterId\":\"M1\",\"ts\":2,\"power\":\"x\"}");
    }
}
