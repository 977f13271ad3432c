package io.pulse.connectors.mqtt.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes the MQTT 5 packets a subscriber sends (CONNECT, SUBSCRIBE, the acknowledgements, PINGREQ,
 * DISCONNECT) onto a buffered stream; the caller flushes, so a batch of acknowledgements is one write.
 */
final class PacketWriter {

    static final int CONNECT = 0x10;
    static final int PUBACK = 0x40;
    static final int PUBREC = 0x50;
    static final int PUBCOMP = 0x70;
    static final int SUBSCRIBE = 0x82; // flags 0010, as the specification requires
    static final int PINGREQ = 0xC0;
    static final int DISCONNECT = 0xE0;

    private static final int PROPERTY_SESSION_EXPIRY = 0x11;
    private static final int PROPERTY_RECEIVE_MAXIMUM = 0x21;

    private final OutputStream out;

    PacketWriter(OutputStream out) {
        this.out = out;
    }

    void connect(String clientId, boolean cleanStart, int keepAliveSeconds, long sessionExpirySeconds,
                 int receiveMaximum, String username, byte[] password) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64);
        string(body, "MQTT");
        body.write(5); // protocol version
        int flags = (cleanStart ? 0x02 : 0) | (username != null ? 0x80 : 0) | (password != null ? 0x40 : 0);
        body.write(flags);
        twoBytes(body, keepAliveSeconds);
        ByteArrayOutputStream properties = new ByteArrayOutputStream(8);
        properties.write(PROPERTY_SESSION_EXPIRY);
        fourBytes(properties, sessionExpirySeconds);
        properties.write(PROPERTY_RECEIVE_MAXIMUM);
        twoBytes(properties, receiveMaximum);
        variableInt(body, properties.size());
        properties.writeTo(body);
        string(body, clientId);
        if (username != null) {
            string(body, username);
        }
        if (password != null) {
            binary(body, password);
        }
        packet(CONNECT, body);
    }

    /** @param filters topic filter → maximum QoS */
    void subscribe(int packetId, Map<String, Integer> filters) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64);
        twoBytes(body, packetId);
        variableInt(body, 0); // no properties
        for (Map.Entry<String, Integer> filter : filters.entrySet()) {
            string(body, filter.getKey());
            body.write(filter.getValue()); // retain handling 0, not no-local, not retain-as-published
        }
        packet(SUBSCRIBE, body);
    }

    /** PUBACK, PUBREC or PUBCOMP with reason "success": four bytes. */
    void acknowledgement(int type, int packetId) throws IOException {
        out.write(type);
        out.write(2);
        out.write(packetId >>> 8);
        out.write(packetId & 0xFF);
    }

    void pingRequest() throws IOException {
        out.write(PINGREQ);
        out.write(0);
    }

    /** Normal disconnection: the session stays on the broker for its expiry interval. */
    void disconnect() throws IOException {
        out.write(DISCONNECT);
        out.write(0);
    }

    void flush() throws IOException {
        out.flush();
    }

    private void packet(int type, ByteArrayOutputStream body) throws IOException {
        out.write(type);
        variableInt(out, body.size());
        body.writeTo(out);
    }

    static void variableInt(OutputStream out, int value) throws IOException {
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            out.write(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }

    private static void string(OutputStream out, String s) throws IOException {
        binary(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void binary(OutputStream out, byte[] bytes) throws IOException {
        twoBytes(out, bytes.length);
        out.write(bytes);
    }

    private static void twoBytes(OutputStream out, int value) throws IOException {
        out.write(value >>> 8);
        out.write(value & 0xFF);
    }

    private static void fourBytes(OutputStream out, long value) throws IOException {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }
}
