package io.pulse.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.MqttMessage;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/**
 * Reads the demo's telemetry JSON ({@code devices/{deviceId}/telemetry}). Lenient on purpose: the
 * contract's full validation is the telemetry job's; a message without a matching
 * {@code deviceId} or {@code ts} is rejected (the source sends it to its dead-letter path).
 */
final class TelemetryJson implements MqttDeserializer<TelemetryReading> {
    private static final long serialVersionUID = 1L;
    private transient ObjectMapper mapper;

    @Override
    public void deserialize(MqttMessage message, Collector<TelemetryReading> out)
            throws Exception {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        String[] topic = message.topic().split("/");
        JsonNode json = mapper.readTree(message.payload());
        if (topic.length != 3 || json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a telemetry object");
        }
        TelemetryReading r = new TelemetryReading();
        r.deviceId = json.path("deviceId").asText(null);
        if (r.deviceId == null || !r.deviceId.equals(topic[1])) {
            throw new IllegalArgumentException("deviceId does not match the topic");
        }
        JsonNode ts = json.get("ts");
        if (ts == null || !ts.canConvertToLong()) {
            throw new IllegalArgumentException("ts must be epoch milliseconds");
        }
        r.ts = ts.asLong();
        r.temperature = number(json, "temperature");
        r.humidity = number(json, "humidity");
        r.battery = number(json, "battery");
        r.vibration = number(json, "vibration");
        out.collect(r);
    }

    private static double number(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n != null && n.isNumber() ? n.asDouble() : Double.NaN;
    }

    @Override
    public TypeInformation<TelemetryReading> getProducedType() {
        return TypeInformation.of(TelemetryReading.class);
    }
}
