package io.pulse.bridge.registers;

/**
 * Order of the two 16-bit words of a 32-bit value. Eastron meters send the high word first
 * (BIG); some meters swap the words (LITTLE, often called "word swap" or CDAB).
 */
public enum WordOrder {
    BIG, LITTLE
}
