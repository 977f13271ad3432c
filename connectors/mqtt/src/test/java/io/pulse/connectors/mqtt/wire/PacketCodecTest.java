package io.pulse.connectors.mqtt.wire;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacketCodecTest {

    @Test
    void variableIntegersRoundTripAtEveryLengthBoundary() throws IOException {
        for (int value : new int[] {0, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455}) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            PacketWriter.variableInt(body, value);
            PacketReader reader = reader(0x30, body.toByteArray());
            assertThat(reader.readVariableInt()).as("value %d", value).isEqualTo(value);
            assertThat(reader.remaining()).isZero();
        }
    }

    @Test
    void publishWithPropertiesIsDecodedAndUnknownOnesAreSkippedByType() throws IOException {
        ByteArrayOutputStream properties = new ByteArrayOutputStream();
        properties.write(0x01); // payload format: UTF-8
        properties.write(1);
        properties.write(0x03); // content type
        string(properties, "application/json");
        properties.write(0x0B); // subscription identifier 300: a two-byte variable integer
        PacketWriter.variableInt(properties, 300);
        properties.write(0x26); // user property site=north
        string(properties, "site");
        string(properties, "north");
        properties.write(0x02); // message expiry, four bytes
        properties.write(new byte[] {0, 0, 0, 60});
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "devices/lab-a-01/telemetry");
        body.write(new byte[] {0x12, 0x34}); // packet id
        PacketWriter.variableInt(body, properties.size());
        properties.writeTo(body);
        body.write("{\"t\":1}".getBytes(StandardCharsets.UTF_8));

        PacketReader reader = reader(0x33, body.toByteArray()); // QoS 1, retain
        assertThat(reader.type()).isEqualTo(0x30);
        assertThat(reader.flags()).isEqualTo(0x03);
        assertThat(reader.readString()).isEqualTo("devices/lab-a-01/telemetry");
        assertThat(reader.readTwoBytes()).isEqualTo(0x1234);
        Properties p = Properties.read(reader);
        assertThat(p.contentType).isEqualTo("application/json");
        assertThat(p.userProperties).containsExactly(Map.entry("site", "north"));
        assertThat(new String(reader.readRest(), StandardCharsets.UTF_8)).isEqualTo("{\"t\":1}");
        assertThat(reader.remaining()).isZero();
    }

    @Test
    void malformedPacketsAreRefusedWithAReason() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        PacketWriter.variableInt(body, 10); // properties said to be 10 bytes long, 1 present
        body.write(0x01);
        assertThatThrownBy(() -> Properties.read(reader(0x30, body.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("malformed packet");

        assertThatThrownBy(() -> Properties.read(reader(0x30, new byte[] {2, 0x7F, 0})))
                .hasMessageContaining("unknown property 0x7f");

        PacketReader cut = new PacketReader(new ByteArrayInputStream(new byte[] {0x30, 5, 0, 1}));
        assertThatThrownBy(cut::next).isInstanceOf(EOFException.class);

        PacketReader tooLong = reader(0x30, new byte[] {0, 9, 'a'});
        assertThatThrownBy(tooLong::readString).hasMessageContaining("runs past the end");
    }

    @Test
    void connectCarriesCredentialsSessionExpiryAndReceiveMaximum() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PacketWriter writer = new PacketWriter(bytes);
        writer.connect("pulse-0", false, 30, 604_800, 1_000, "jobs", "pw".getBytes(StandardCharsets.UTF_8));
        writer.flush();

        PacketReader reader = new PacketReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(reader.next()).isEqualTo(PacketWriter.CONNECT);
        assertThat(reader.readString()).isEqualTo("MQTT");
        assertThat(reader.readByte()).isEqualTo(5);
        assertThat(reader.readByte()).isEqualTo(0xC0); // username and password, clean start off
        assertThat(reader.readTwoBytes()).isEqualTo(30);
        assertThat(reader.readVariableInt()).isEqualTo(8);
        assertThat(reader.readByte()).isEqualTo(0x11);
        assertThat(reader.readFourBytes()).isEqualTo(604_800L);
        assertThat(reader.readByte()).isEqualTo(0x21);
        assertThat(reader.readTwoBytes()).isEqualTo(1_000);
        assertThat(reader.readString()).isEqualTo("pulse-0");
        assertThat(reader.readString()).isEqualTo("jobs");
        assertThat(reader.readString()).isEqualTo("pw");
        assertThat(reader.remaining()).isZero();
    }

    @Test
    void subscribeAndAcknowledgementsAreEncodedAsTheSpecificationSays() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PacketWriter writer = new PacketWriter(bytes);
        Map<String, Integer> filters = new LinkedHashMap<>();
        filters.put("devices/+/telemetry", 1);
        filters.put("$share/pulse/energy/#", 2);
        writer.subscribe(1, filters);
        writer.acknowledgement(PacketWriter.PUBACK, 0xBEEF);
        writer.pingRequest();
        writer.flush();

        PacketReader reader = new PacketReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(reader.next()).isEqualTo(0x82);
        assertThat(reader.readTwoBytes()).isEqualTo(1);
        assertThat(reader.readVariableInt()).isZero();
        assertThat(reader.readString()).isEqualTo("devices/+/telemetry");
        assertThat(reader.readByte()).isEqualTo(1);
        assertThat(reader.readString()).isEqualTo("$share/pulse/energy/#");
        assertThat(reader.readByte()).isEqualTo(2);
        assertThat(reader.next()).isEqualTo(0x40);
        assertThat(reader.readTwoBytes()).isEqualTo(0xBEEF);
        assertThat(reader.next()).isEqualTo(0xC0);
        assertThat(reader.remaining()).isZero();
    }

    @Test
    void reasonCodesAreNamedAsInLogs() {
        assertThat(ReasonCodes.describe(0x86)).isEqualTo("BAD_USER_NAME_OR_PASSWORD (0x86)");
        assertThat(ReasonCodes.describe(0x8E)).isEqualTo("SESSION_TAKEN_OVER (0x8E)");
        assertThat(ReasonCodes.describe(0xFE)).isEqualTo("REASON (0xFE)");
        assertThat(BrokerRefusal.connection(0x87, "no").getMessage())
                .isEqualTo("refused the connection: NOT_AUTHORIZED (0x87) - no");
    }

    private static PacketReader reader(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        PacketWriter.variableInt(packet, body.length);
        packet.write(body);
        PacketReader reader = new PacketReader(new ByteArrayInputStream(packet.toByteArray()));
        reader.next();
        return reader;
    }

    private static ByteArrayOutputStream string(ByteArrayOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >>> 8);
        out.write(bytes.length & 0xFF);
        out.write(bytes);
        return out;
    }
}
