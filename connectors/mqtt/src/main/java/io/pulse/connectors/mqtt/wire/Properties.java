package io.pulse.connectors.mqtt.wire;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MQTT 5 properties of one received packet that a subscriber uses; every other property is
 * skipped by its type, as the specification (section 2.2.2.2) defines it.
 */
final class Properties {

    static final int PAYLOAD_FORMAT = 0x01;
    static final int CONTENT_TYPE = 0x03;
    static final int SERVER_KEEP_ALIVE = 0x13;
    static final int REASON_STRING = 0x1F;
    static final int USER_PROPERTY = 0x26;

    String contentType;
    String reasonString;
    int serverKeepAlive = -1;
    Map<String, String> userProperties = Map.of();

    static Properties read(PacketReader in) throws IOException {
        Properties p = new Properties();
        int length = in.readVariableInt();
        int end = in.remaining() - length;
        if (end < 0) {
            throw new IOException("malformed packet from the broker: properties run past the end of the packet");
        }
        while (in.remaining() > end) {
            int id = in.readVariableInt();
            switch (id) {
                case CONTENT_TYPE -> p.contentType = in.readString();
                case REASON_STRING -> p.reasonString = in.readString();
                case SERVER_KEEP_ALIVE -> p.serverKeepAlive = in.readTwoBytes();
                case USER_PROPERTY -> {
                    if (p.userProperties.isEmpty()) {
                        p.userProperties = new LinkedHashMap<>();
                    }
                    String name = in.readString();
                    p.userProperties.put(name, in.readString());
                }
                // bytes
                case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> in.skip(1);
                // two-byte integers
                case 0x21, 0x22, 0x23 -> in.skip(2);
                // four-byte integers
                case 0x02, 0x11, 0x18, 0x27 -> in.skip(4);
                // variable byte integer: subscription identifier
                case 0x0B -> in.readVariableInt();
                // strings and binary data
                case 0x08, 0x09, 0x12, 0x15, 0x16, 0x1A, 0x1C -> in.skip(in.readTwoBytes());
                default -> throw new IOException("malformed packet from the broker: unknown property 0x" + Integer.toHexString(id));
            }
        }
        if (in.remaining() != end) {
            throw new IOException("malformed packet from the broker: properties run past their length");
        }
        return p;
    }
}
