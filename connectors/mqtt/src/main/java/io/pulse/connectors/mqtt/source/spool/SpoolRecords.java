package io.pulse.connectors.mqtt.source.spool;

import io.pulse.connectors.mqtt.MqttMessage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * How one message is laid out in a spool segment: a header (body length, CRC-32C of the body) and
 * the body (topic, payload, QoS, retain flag, content type, user properties). The checksum lets a
 * reader recognise the torn last record that a crash leaves behind.
 */
final class SpoolRecords {

    static final int HEADER_BYTES = 8;
    private static final byte BODY_VERSION = 1;

    private SpoolRecords() {}

    /**
     * Writes the record at the buffer's position.
     *
     * @throws java.nio.BufferOverflowException when the buffer has no room for it (its position is then undefined)
     */
    static void write(ByteBuffer out, MqttMessage message) {
        byte[] topic = utf8(message.topic());
        byte[] contentType = message.contentType() == null ? null : utf8(message.contentType());
        byte[][] properties = new byte[message.userProperties().size() * 2][];
        int i = 0;
        for (Map.Entry<String, String> property : message.userProperties().entrySet()) {
            properties[i++] = utf8(property.getKey());
            properties[i++] = utf8(property.getValue());
        }
        int start = out.position();
        out.position(start + HEADER_BYTES);
        out.put(BODY_VERSION);
        putBytes(out, topic);
        putBytes(out, message.payload());
        out.put((byte) message.qos());
        out.put((byte) (message.retained() ? 1 : 0));
        putBytes(out, contentType);
        out.putInt(message.userProperties().size());
        for (byte[] property : properties) {
            putBytes(out, property);
        }
        int end = out.position();
        int bodyLength = end - start - HEADER_BYTES;
        out.putInt(start, bodyLength);
        out.putInt(start + 4, crc(out, start + HEADER_BYTES, bodyLength));
    }

    /** Body length of the record whose header starts at {@code at}, or -1 when it cannot be one. */
    static int bodyLength(ByteBuffer in, int at) {
        int length = in.getInt(at);
        return length <= 0 ? -1 : length;
    }

    /** Whether the body at {@code at} matches the checksum in its header. */
    static boolean intact(ByteBuffer in, int headerAt, int bodyLength) {
        return in.getInt(headerAt + 4) == crc(in, headerAt + HEADER_BYTES, bodyLength);
    }

    /** Reads the body starting at {@code at}, {@code length} bytes long. */
    static MqttMessage read(ByteBuffer in, int at, int length) {
        ByteBuffer body = in.duplicate().position(at).limit(at + length);
        byte version = body.get();
        if (version != BODY_VERSION) {
            throw new IllegalStateException("unknown spool record version " + version);
        }
        String topic = string(body);
        byte[] payload = bytes(body);
        int qos = body.get();
        boolean retained = body.get() == 1;
        String contentType = string(body);
        int count = body.getInt();
        Map<String, String> properties = count == 0 ? Map.of() : new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            properties.put(string(body), string(body));
        }
        return new MqttMessage(topic, payload, qos, retained, contentType, properties);
    }

    private static int crc(ByteBuffer buffer, int at, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().position(at).limit(at + length));
        return (int) crc.getValue();
    }

    private static void putBytes(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(-1);
        } else {
            out.putInt(bytes.length);
            out.put(bytes);
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = bytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
