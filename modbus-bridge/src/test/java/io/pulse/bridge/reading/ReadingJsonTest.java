package io.pulse.bridge.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pulse.bridge.registers.MeterField;

class ReadingJsonTest {

    @Test
    void contractFieldsWithEpochMillis() throws Exception {
        MeterReading reading = new MeterReading("M1", Instant.parse("2026-03-02T08:00:01.250Z"), Map.of(
                MeterField.POWER, (double) 1500.5f, MeterField.VOLTAGE, (double) 230.1f,
                MeterField.CURRENT, (double) 6.52f, MeterField.POWER_FACTOR, (double) 0.98f,
                MeterField.FREQUENCY, (double) 49.97f, MeterField.ENERGY_REGISTER_WH, 1234.5f * 1000.0));
        JsonNode json = new ObjectMapper().readTree(new String(ReadingJson.toJson(reading), StandardCharsets.UTF_8));
        assertThat(json.get("meterId").asText()).isEqualTo("M1");
        assertThat(json.get("ts").asLong()).isEqualTo(Instant.parse("2026-03-02T08:00:01.250Z").toEpochMilli());
        assertThat(json.get("power").asDouble()).isEqualTo(1500.5);
        assertThat(json.get("voltage").asDouble()).isEqualTo(230.1); // not 230.10000610351562
        assertThat(json.get("current").asDouble()).isEqualTo(6.52);
        assertThat(json.get("powerFactor").asDouble()).isEqualTo(0.98);
        assertThat(json.get("frequency").asDouble()).isEqualTo(49.97);
        assertThat(json.get("energyRegisterWh").asDouble()).isEqualTo(1234500.0);
        assertThat(json.size()).isEqualTo(8);
    }

    @Test
    void onlyWhatTheMeterGave() throws Exception {
        MeterReading reading = new MeterReading("M2", Instant.ofEpochMilli(1000), Map.of(MeterField.POWER, 10.0));
        JsonNode json = new ObjectMapper().readTree(ReadingJson.toJson(reading));
        assertThat(json.fieldNames()).toIterable().containsExactly("meterId", "ts", "power");
    }

    @Test
    void noReadingWithoutPower() {
        assertThatThrownBy(() -> new MeterReading("M3", Instant.now(), Map.of(MeterField.VOLTAGE, 230.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
