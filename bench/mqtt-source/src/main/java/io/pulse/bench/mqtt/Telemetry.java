package io.pulse.bench.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages every side receives: telemetry-sized JSON (about 120 bytes) from {@code topics}
 * devices, message i on {@code bench/devices/<i % topics>/telemetry}, QoS 1. Each carries a
 * sequence number unique in the whole run ({@code "seq"}), which is how a side's arrivals are
 * checked: each of its N exactly once, nothing from another round.
 */
final class Telemetry {

    static final String FILTER = "bench/devices/+/telemetry";
    private static final long TS_BASE = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();
    private static final byte[] SEQ_FIELD = "\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private Telemetry() {}

    static String topic(int device) {
        return "bench/devices/" + device + "/telemetry";
    }

    /** The JSON of message {@code seq}, from device {@code seq % topics}, one reading every 10 ms of event time. */
    static String json(long seq, int topics) {
        long device = seq % topics;
        return "{\"deviceId\":\"bench-" + device + "\",\"seq\":" + seq
                + ",\"ts\":\"" + Instant.ofEpochMilli(TS_BASE + 10 * seq) + "\""
                + ",\"temperature\":" + tenths(380 + seq % 97) + ",\"humidity\":" + tenths(450 + seq % 41)
                + ",\"battery\":" + tenths(950 - seq % 50) + "}";
    }

    private static String tenths(long tenths) {
        return tenths / 10 + "." + tenths % 10;
    }

    /** Messages {@code firstSeq .. firstSeq + n - 1}, built before the clock starts. */
    static List<Mqtt5Publish> messages(long firstSeq, int n, int topics) {
        MqttTopic[] topicNames = new MqttTopic[topics];
        for (int d = 0; d < topics; d++) {
            topicNames[d] = MqttTopic.of(topic(d));
        }
        List<Mqtt5Publish> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long seq = firstSeq + i;
            messages.add(Mqtt5Publish.builder()
                    .topic(topicNames[(int) (seq % topics)])
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(json(seq, topics).getBytes(StandardCharsets.UTF_8))
                    .build());
        }
        return messages;
    }

    /** Mean payload size in bytes, for the report. */
    static double meanPayloadBytes(List<Mqtt5Publish> messages) {
        return messages.stream().mapToInt(m -> m.getPayloadAsBytes().length).average().orElse(0);
    }

    /** The {@code "seq"} of a payload, what both sides' arrival checks read; -1 if it has none. */
    static long seq(byte[] payload) {
        outer:
        for (int at = 0; at <= payload.length - SEQ_FIELD.length; at++) {
            for (int k = 0; k < SEQ_FIELD.length; k++) {
                if (payload[at + k] != SEQ_FIELD[k]) {
                    continue outer;
                }
            }
            long seq = 0;
            int digits = 0;
            for (int i = at + SEQ_FIELD.length; i < payload.length && payload[i] >= '0' && payload[i] <= '9'; i++) {
                seq = 10 * seq + (payload[i] - '0');
                digits++;
            }
            return digits == 0 ? -1 : seq;
        }
        return -1;
    }
}
