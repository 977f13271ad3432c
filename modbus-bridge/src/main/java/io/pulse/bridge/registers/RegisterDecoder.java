package io.pulse.bridge.registers;

/** Turns raw 16-bit register words into numbers. Pure functions, unit-tested. */
public final class RegisterDecoder {

    private RegisterDecoder() {}

    /**
     * @param words  registers as unsigned 16-bit values
     * @param offset index of the field's first register within {@code words}
     */
    public static double decode(int[] words, int offset, ValueType type, WordOrder order) {
        return switch (type) {
            case INT16 -> (short) words[offset];
            case UINT16 -> words[offset] & 0xFFFF;
            case INT32 -> join(words, offset, order);
            case UINT32 -> Integer.toUnsignedLong(join(words, offset, order));
            case FLOAT32 -> Float.intBitsToFloat(join(words, offset, order));
        };
    }

    /** Decodes a field from a block read that starts at register {@code blockStart}. */
    public static double decode(int[] block, int blockStart, FieldSpec spec) {
        return decode(block, spec.address() - blockStart, spec.type(), spec.wordOrder()) * spec.scale();
    }

    private static int join(int[] words, int offset, WordOrder order) {
        int first = words[offset] & 0xFFFF;
        int second = words[offset + 1] & 0xFFFF;
        return order == WordOrder.BIG ? (first << 16) | second : (second << 16) | first;
    }

    /** The two words of a float32 in the given order (used by the simulated meter). */
    public static int[] encodeFloat32(float value, WordOrder order) {
        int bits = Float.floatToIntBits(value);
        int high = (bits >>> 16) & 0xFFFF;
        int low = bits & 0xFFFF;
        return order == WordOrder.BIG ? new int[] {high, low} : new int[] {low, high};
    }
}
