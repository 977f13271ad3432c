package io.pulse.bridge.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegisterDecoderTest {

    @Test
    void float32HighWordFirstAsEastronSendsIt() {
        // 230.0f = 0x43660000
        assertThat(RegisterDecoder.decode(new int[] {0x4366, 0x0000}, 0, ValueType.FLOAT32, WordOrder.BIG))
                .isEqualTo(230.0);
        // 49.95f = 0x4247CCCD
        assertThat(RegisterDecoder.decode(new int[] {0x4247, 0xCCCD}, 0, ValueType.FLOAT32, WordOrder.BIG))
                .isEqualTo((double) 49.95f);
    }

    @Test
    void float32WithSwappedWords() {
        assertThat(RegisterDecoder.decode(new int[] {0x0000, 0x4366}, 0, ValueType.FLOAT32, WordOrder.LITTLE))
                .isEqualTo(230.0);
        assertThat(RegisterDecoder.decode(new int[] {0x0000, 0x4366}, 0, ValueType.FLOAT32, WordOrder.BIG))
                .isNotEqualTo(230.0);
    }

    @Test
    void negativeFloatAndOffsetInsideABlock() {
        // -1500.5f = 0xC4BB9000, at offset 2 of a block
        assertThat(RegisterDecoder.decode(new int[] {1, 2, 0xC4BB, 0x9000}, 2, ValueType.FLOAT32, WordOrder.BIG))
                .isEqualTo(-1500.5);
    }

    @Test
    void integers() {
        assertThat(RegisterDecoder.decode(new int[] {0xFFFF}, 0, ValueType.INT16, WordOrder.BIG)).isEqualTo(-1);
        assertThat(RegisterDecoder.decode(new int[] {0xFFFF}, 0, ValueType.UINT16, WordOrder.BIG)).isEqualTo(65535);
        assertThat(RegisterDecoder.decode(new int[] {0xFFFF, 0xFFFE}, 0, ValueType.INT32, WordOrder.BIG)).isEqualTo(-2);
        assertThat(RegisterDecoder.decode(new int[] {0x0001, 0x0002}, 0, ValueType.UINT32, WordOrder.LITTLE))
                .isEqualTo(0x00020001);
        assertThat(RegisterDecoder.decode(new int[] {0xFFFF, 0xFFFF}, 0, ValueType.UINT32, WordOrder.BIG))
                .isEqualTo(4294967295.0);
    }

    @Test
    void scaleTurnsKwhIntoWh() {
        FieldSpec energy = FieldSpec.float32(MeterField.ENERGY_REGISTER_WH, 0x0048, 1000);
        int[] block = new int[0x4A];
        int[] words = RegisterDecoder.encodeFloat32(12.5f, WordOrder.BIG);
        block[0x48] = words[0];
        block[0x49] = words[1];
        assertThat(RegisterDecoder.decode(block, 0, energy)).isEqualTo(12_500.0);
    }

    @Test
    void encodeIsTheInverseOfDecode() {
        for (WordOrder order : WordOrder.values()) {
            int[] words = RegisterDecoder.encodeFloat32(-0.87f, order);
            assertThat(RegisterDecoder.decode(words, 0, ValueType.FLOAT32, order)).isEqualTo((double) -0.87f);
        }
    }

    @Test
    void sdm120PresetUsesEastronInputRegisters() {
        RegisterMap m = Presets.SDM120;
        assertThat(m.kind()).isEqualTo(RegisterKind.INPUT);
        assertThat(m.fields().get(MeterField.VOLTAGE).address()).isEqualTo(0x0000);
        assertThat(m.fields().get(MeterField.CURRENT).address()).isEqualTo(0x0006);
        assertThat(m.fields().get(MeterField.POWER).address()).isEqualTo(0x000C);
        assertThat(m.fields().get(MeterField.POWER_FACTOR).address()).isEqualTo(0x001E);
        assertThat(m.fields().get(MeterField.FREQUENCY).address()).isEqualTo(0x0046);
        assertThat(m.fields().get(MeterField.ENERGY_REGISTER_WH).address()).isEqualTo(0x0048);
        assertThat(m.fields().get(MeterField.ENERGY_REGISTER_WH).scale()).isEqualTo(1000);
        assertThat(m.fields().values()).allMatch(f -> f.type() == ValueType.FLOAT32 && f.wordOrder() == WordOrder.BIG);
        // 0x0000 .. 0x0049 in one request
        assertThat(m.firstAddress()).isZero();
        assertThat(m.span()).isEqualTo(0x4A);
        assertThat(m.fitsOneRead()).isTrue();
    }

    @Test
    void sdm630PresetUsesSystemTotals() {
        RegisterMap m = Presets.SDM630;
        assertThat(m.fields().get(MeterField.VOLTAGE).address()).isEqualTo(0x002A);
        assertThat(m.fields().get(MeterField.CURRENT).address()).isEqualTo(0x0030);
        assertThat(m.fields().get(MeterField.POWER).address()).isEqualTo(0x0034);
        assertThat(m.fields().get(MeterField.POWER_FACTOR).address()).isEqualTo(0x003E);
        assertThat(m.fields().get(MeterField.FREQUENCY).address()).isEqualTo(0x0046);
        assertThat(m.fields().get(MeterField.ENERGY_REGISTER_WH).address()).isEqualTo(0x0048);
        assertThat(Presets.byName("SDM630")).contains(Presets.SDM630);
        assertThat(Presets.byName("sdm999")).isEmpty();
    }

    @Test
    void aMapWithoutPowerIsRefused() {
        assertThatThrownBy(() -> RegisterMap.of("x", RegisterKind.INPUT,
                java.util.List.of(FieldSpec.float32(MeterField.VOLTAGE, 0, 1))))
                .hasMessageContaining("no 'power' field");
    }
}
