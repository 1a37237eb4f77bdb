package dvk.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The fragments that fill an {@link OrderedSpill}'s slots: the decisions that waited for the
 * district quota. They arrive district by district, not in input order, so they go to a temporary
 * file and only their places are kept in memory; {@link #inOrder} reads them back in input order.
 */
final class SlotFillings implements Closeable {
    private final Path file;
    private final RandomAccessFile data;
    private int[] indexes = new int[64];
    private long[] offsets = new long[64];
    private int[] lengths = new int[64];
    private int slots;

    SlotFillings(String name) throws IOException {
        file = TemporaryFiles.create(name, ".spill");
        data = new RandomAccessFile(file.toFile(), "rw");
    }

    /** The record at {@code index} has a slot; slots are expected in input order. */
    void expect(int index) {
        if (slots == indexes.length) {
            indexes = Arrays.copyOf(indexes, slots * 2);
            offsets = Arrays.copyOf(offsets, slots * 2);
            lengths = Arrays.copyOf(lengths, slots * 2);
        }
        if (slots > 0 && indexes[slots - 1] >= index) {
            throw new IllegalStateException("slots out of input order: " + index + " after " + indexes[slots - 1]);
        }
        indexes[slots] = index;
        lengths[slots] = -1;
        slots++;
    }

    void fill(int index, byte[] fragment) {
        int slot = Arrays.binarySearch(indexes, 0, slots, index);
        if (slot < 0 || lengths[slot] >= 0) {
            throw new IllegalStateException("no open slot for record " + index);
        }
        try {
            offsets[slot] = data.length();
            data.seek(offsets[slot]);
            data.write(fragment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lengths[slot] = fragment.length;
    }

    int slots() {
        return slots;
    }

    /** Every slot's fragment in input order; each must have been filled. */
    Iterator<byte[]> inOrder() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < slots;
            }

            @Override
            public byte[] next() {
                if (next >= slots) throw new NoSuchElementException();
                int slot = next++;
                if (lengths[slot] < 0) throw new IllegalStateException("record " + indexes[slot] + " was never decided");
                byte[] fragment = new byte[lengths[slot]];
                try {
                    data.seek(offsets[slot]);
                    data.readFully(fragment);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return fragment;
            }
        };
    }

    @Override
    public void close() throws IOException {
        try {
            data.close();
        } finally {
            TemporaryFiles.delete(file);
        }
    }
}
