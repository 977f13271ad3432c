package io.pulse.connectors.mqtt.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads MQTT packets off a (buffered) stream one at a time into a reused buffer, and decodes the
 * fields of the current one in order. Not thread-safe: one reading thread per connection.
 */
final class PacketReader {

    /** What a subscriber accepts in one packet (Mosquitto's default message size limit is 256 MiB). */
    static final int MAX_PACKET = 256 * 1024 * 1024;

    private final InputStream in;
    private byte[] body = new byte[4096];
    private int length;
    private int position;
    private int header;

    PacketReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next packet whole; returns its first byte (type and flags). */
    int next() throws IOException {
        header = in.read();
        if (header < 0) {
            throw new EOFException("the broker closed the connection");
        }
        length = 0;
        int shift = 0;
        int digit;
        do {
            digit = in.read();
            if (digit < 0) {
                throw new EOFException("the broker closed the connection");
            }
            if (shift > 21) {
                throw new IOException("malformed packet from the broker: remaining length of more than 4 bytes");
            }
            length |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        if (length > MAX_PACKET) {
            throw new IOException("packet of " + length + " bytes from the broker, more than the limit of " + MAX_PACKET);
        }
        if (body.length < length) {
            body = new byte[Math.max(length, body.length * 2)];
        }
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                throw new EOFException("the broker closed the connection");
            }
            read += n;
        }
        position = 0;
        return header;
    }

    int type() {
        return header & 0xF0;
    }

    int flags() {
        return header & 0x0F;
    }

    int remaining() {
        return length - position;
    }

    int readByte() throws IOException {
        need(1);
        return body[position++] & 0xFF;
    }

    int readTwoBytes() throws IOException {
        need(2);
        int value = ((body[position] & 0xFF) << 8) | (body[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    long readFourBytes() throws IOException {
        return ((long) readTwoBytes() << 16) | readTwoBytes();
    }

    int readVariableInt() throws IOException {
        int value = 0;
        int shift = 0;
        int digit;
        do {
            if (shift > 21) {
                throw new IOException("malformed packet from the broker: variable integer of more than 4 bytes");
            }
            digit = readByte();
            value |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        return value;
    }

    String readString() throws IOException {
        int n = readTwoBytes();
        need(n);
        String s = new String(body, position, n, StandardCharsets.UTF_8);
        position += n;
        return s;
    }

    void skip(int n) throws IOException {
        need(n);
        position += n;
    }

    /** The rest of the packet, copied. */
    byte[] readRest() {
        byte[] rest = Arrays.copyOfRange(body, position, length);
        position = length;
        return rest;
    }

    private void need(int n) throws IOException {
        if (n < 0 || position + n > length) {
            throw new IOException("malformed packet from the broker: a field runs past the end of the packet");
        }
    }
}
