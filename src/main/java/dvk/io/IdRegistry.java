package dvk.io;

import java.util.Arrays;

/**
 * The ids seen so far in a batch, with the index of the record that first used each. A million ids
 * in a HashMap of Strings take over 100 MB; here they take their UTF-8 bytes in one array plus a
 * few ints each, so a streamed batch's memory stays small.
 */
final class IdRegistry {
    private byte[] bytes = new byte[1 << 16];
    private int used;
    private int[] starts = new int[1 << 10];
    private int[] firstIndex = new int[1 << 10];
    private int size;
    /** Open addressing: entry number + 1, 0 for empty. */
    private int[] table = new int[1 << 11];

    /** Registers the id for record {@code index}; returns the index of an earlier record with the same id, or -1. */
    int putIfAbsent(String id, int index) {
        byte[] key = bytes(id);
        int hash = hash(key, 0, key.length);
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot] - 1;
            if (entry < 0) {
                add(key, index);
                table[slot] = size;
                if (size * 2 > table.length) rehash();
                return -1;
            }
            if (matches(entry, key)) return firstIndex[entry];
        }
    }

    /**
     * The id's UTF-8 bytes, except that an unpaired surrogate (a JSON escape can make one) keeps three
     * bytes of its own, as in WTF-8: {@code getBytes} would turn it into "?", and "X" + U+D800 would
     * be taken for a duplicate of "X?".
     */
    static byte[] bytes(String id) {
        byte[] out = new byte[id.length() * 3];
        int n = 0;
        for (int i = 0; i < id.length(); ) {
            int c = id.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (c < 0x10000) {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[n++] = (byte) (0xF0 | c >> 18);
                out[n++] = (byte) (0x80 | c >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int hash(byte[] data, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) h = 31 * h + data[i];
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private boolean matches(int entry, byte[] key) {
        int start = starts[entry];
        int end = entry + 1 < size ? starts[entry + 1] : used;
        return Arrays.equals(bytes, start, end, key, 0, key.length);
    }

    private void add(byte[] key, int index) {
        if (used + key.length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + key.length));
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            firstIndex = Arrays.copyOf(firstIndex, size * 2);
        }
        System.arraycopy(key, 0, bytes, used, key.length);
        starts[size] = used;
        firstIndex[size] = index;
        used += key.length;
        size++;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int end = entry + 1 < size ? starts[entry + 1] : used;
            int hash = hash(bytes, starts[entry], end);
            int slot = hash & mask;
            while (bigger[slot] != 0) slot = (slot + 1) & mask;
            bigger[slot] = entry + 1;
        }
        table = bigger;
    }
}
