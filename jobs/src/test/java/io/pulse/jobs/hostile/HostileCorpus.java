package io.pulse.jobs.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic corpus of messages no job may accept, on the three input topics: broken
 * encodings, huge and deeply nested payloads, ids that do not fit, control characters, SQL text,
 * impossible numbers, wrong types. Every message is different (an index in its topic or payload),
 * so each must leave exactly one row in {@code rejected_messages}.
 */
public final class HostileCorpus {

    public record Message(String topic, byte[] payload, String job) {}

    static final int KINDS = 18;

    private HostileCorpus() {}

    /** {@code perJob} messages for each of the three jobs' topics. */
    public static List<Message> messages(int perJob) {
        List<Message> corpus = new ArrayList<>();
        for (int i = 0; i < perJob; i++) {
            corpus.add(telemetry(i));
            corpus.add(energy(i));
            corpus.add(sighting(i));
        }
        return corpus;
    }

    private static Message telemetry(int i) {
        String id = "H" + i;
        String topic = "devices/" + id + "/telemetry";
        String ts = "\"ts\":" + (1772438400000L + i);
        return switch (i % KINDS) {
            case 0 -> new Message(topic, new byte[] {'{', '"', (byte) 0xc3, (byte) 0x28, '"', ':', (byte) ('0' + i % 10), '}'}, "telemetry");
            case 1 -> new Message(topic, ("{\"deviceId\":\"" + id + "\"," + ts + ",\"temperature\":20}").getBytes(StandardCharsets.UTF_16), "telemetry");
            case 2 -> new Message("devices/E" + i + "/telemetry", new byte[0], "telemetry");
            case 3 -> new Message(topic, big(i, i == 3 ? 8 << 20 : 1 << 20), "telemetry");
            case 4 -> new Message(topic, nested(i, 100_000), "telemetry");
            case 5 -> new Message(topic, nested(i, 20), "telemetry");
            case 6 -> new Message(topic, array(i, 200_000), "telemetry");
            case 7 -> new Message(topic, utf8("{\"deviceId\":\"" + id + "\"," + ts + ",\"temperature\":1e400}"), "telemetry");
            case 8 -> longId("devices/", "/telemetry", "deviceId", i, 65, "telemetry");
            case 9 -> new Message(topic, utf8("{\"deviceId\":\"" + "x".repeat(100_000 / 2) + i + "\"," + ts + ",\"t\":1}"), "telemetry");
            case 10 -> new Message(topic, utf8("{\"deviceId\":\"" + id + "/+#\"," + ts + ",\"temperature\":20}"), "telemetry");
            case 11 -> new Message("devices/x'" + i + "';DROP TABLE alerts;--/telemetry", utf8("{\"deviceId\":\"q\"," + ts + "}"), "telemetry");
            case 12 -> new Message(topic, utf8("{\"deviceId\":\"" + id + "\u001b[31m\u0000\"," + ts + ",\"temperature\":20}"), "telemetry");
            case 13 -> new Message("devices/" + "T".repeat(280) + i + "/telemetry", utf8("{}"), "telemetry");
            case 14 -> new Message(topic, utf8("{\"deviceId\":" + i + "," + ts + ",\"temperature\":20}"), "telemetry");
            case 15 -> new Message(topic, utf8("{\"deviceId\":\"" + id + "\",\"ts\":true,\"temperature\":20}"), "telemetry");
            case 16 -> new Message(topic, utf8("{\"deviceId\":\"" + id + "\"," + ts + ",\"temperature\":\"hot\"}"), "telemetry");
            default -> new Message(topic, utf8("{\"deviceId\":\"" + id + "\",\"ts\":\"1999-01-01T00:00:00Z\",\"temperature\":20}"), "telemetry");
        };
    }

    private static Message energy(int i) {
        String id = "HM" + i;
        String topic = "energy/meters/" + id + "/readings";
        String ts = "\"ts\":" + (1772438400000L + i);
        return switch (i % 6) {
            case 0 -> new Message(topic, utf8("\uFEFF{\"meterId\":\"" + id + "\"," + ts + ",\"power\":1}"), "energy");
            case 1 -> new Message(topic, utf8("{\"meterId\":\"" + id + "\"," + ts + ",\"power\":\"" + i + " W\"}"), "energy");
            case 2 -> new Message(topic, utf8("{\"meterId\":\"" + id + "\"," + ts + ",\"power\":1e400}"), "energy");
            case 3 -> longId("energy/meters/", "/readings", "meterId", i, 65, "energy");
            case 4 -> new Message(topic, utf8("{\"meterId\":[\"" + id + "\"]," + ts + ",\"power\":1}"), "energy");
            default -> new Message(topic, utf8("{\"meterId\":\"" + id + "\",\"ts\":{\"at\":" + i + "},\"power\":1}"), "energy");
        };
    }

    private static Message sighting(int i) {
        String gate = "hg" + i;
        String topic = "campus/gates/" + gate + "/sightings";
        String ts = "\"ts\":" + (1772438400000L + i);
        String mac = String.format("A4:5E:60:%02X:%02X:%02X", i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff);
        return switch (i % 6) {
            case 0 -> new Message(topic, utf8("{\"scanner\":\"s\",\"role\":\"sideways\"," + ts + ",\"mac\":\"" + mac + "\"}"), "movement");
            case 1 -> new Message(topic, utf8("{\"scanner\":\"s\",\"role\":\"in\"," + ts + ",\"mac\":\""
                    + mac.replace(":", "\\u003a") + "\",\"macHash\":\"x\"}"), "movement");
            case 2 -> new Message(topic, utf8("{\"scanner\":\"" + "s".repeat(65) + "\",\"role\":\"in\"," + ts + ",\"mac\":\""
                    + mac.replace(":", "").replaceAll("(.{4})(?!$)", "$1.") + "\"}"), "movement");
            case 3 -> longId("campus/gates/", "/sightings", "scanner", i, 65, "movement");
            case 4 -> new Message(topic, utf8("{\"scanner\":\"s\u001b\",\"role\":\"in\"," + ts + ",\"mac\":\"" + mac.replace(':', '.') + "\"}"), "movement");
            default -> new Message(topic, utf8("[" + "{\"scanner\":\"s\",\"role\":\"in\",\"ts\":1},".repeat(1_001) + "{}]"), "movement");
        };
    }

    /** A topic whose id has {@code length} characters (unique by index). */
    private static Message longId(String prefix, String suffix, String field, int i, int length, String job) {
        String id = (i + "L").repeat(length);
        id = id.substring(0, length);
        return new Message(prefix + id + suffix, utf8("{\"" + field + "\":\"" + id + "\",\"ts\":1772438400000}"), job);
    }

    private static byte[] big(int i, int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 64).append("{\"deviceId\":\"H").append(i).append("\",\"pad\":\"");
        while (sb.length() < bytes) {
            sb.append("0123456789abcdef");
        }
        return utf8(sb.append("\"}").toString());
    }

    private static byte[] nested(int i, int depth) {
        return utf8("[".repeat(depth) + i + "]".repeat(depth));
    }

    private static byte[] array(int i, int objects) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < objects; k++) {
            sb.append(k == 0 ? "" : ",").append("{\"i\":").append(i).append('}');
        }
        return utf8(sb.append(']').toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
