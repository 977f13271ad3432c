package io.pulse.connectors.influxdb;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Tags or fields: keys kept sorted, a repeated key replacing its value. Points have a handful of
 * each, for which two small arrays beat a TreeMap, and rendering walks arrays instead of map
 * entries. Filled by one {@link InfluxPoint.Builder}, then owned, unchanged, by its point.
 */
final class SortedEntries implements Serializable {

    private static final long serialVersionUID = 1L;

    private String[] keys = new String[4];
    private Object[] values = new Object[4];
    private int size;

    void put(String key, Object value) {
        int i = size;
        // keys usually come in order: then this compares once and appends
        while (i > 0) {
            int order = keys[i - 1].compareTo(key);
            if (order == 0) {
                values[i - 1] = value;
                return;
            }
            if (order < 0) {
                break;
            }
            i--;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(keys, i, keys, i + 1, size - i);
        System.arraycopy(values, i, values, i + 1, size - i);
        keys[i] = key;
        values[i] = value;
        size++;
    }

    int size() {
        return size;
    }

    String key(int i) {
        return keys[i];
    }

    Object value(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SortedEntries other
                && Arrays.equals(keys, 0, size, other.keys, 0, other.size)
                && Arrays.equals(values, 0, size, other.values, 0, other.size);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < size; i++) {
            hash = 31 * hash + keys[i].hashCode();
            hash = 31 * hash + values[i].hashCode();
        }
        return hash;
    }
}
