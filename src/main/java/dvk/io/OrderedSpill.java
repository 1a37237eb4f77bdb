package dvk.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Output fragments kept in input order in a temporary file, so that a batch's output takes disk,
 * not memory, until it can be written whole. A slot marks where a fragment that is not known yet
 * (a decision waiting for the district quota) goes; its fragment may come in any order, and goes to
 * its place when copying out.
 */
public final class OrderedSpill implements Closeable {
    private final Path file;
    private final OutputStream out;
    private final List<Long> slots = new ArrayList<>();
    private final String name;
    private SlotFillings fillings;
    private long written;

    public OrderedSpill(String name) throws IOException {
        this.name = name;
        file = TemporaryFiles.create(name, ".spill");
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /*
     * append, slot and fill are called as records are decided (DecisionListener methods, which throw
     * no checked exceptions): a failing disk is an UncheckedIOException from here, not in every output.
     */

    public void append(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written += bytes.length;
    }

    /** Marks the place of the record at {@code index}, whose fragment comes later through {@link #fill}. */
    public void slot(int index) {
        try {
            if (fillings == null) fillings = new SlotFillings(name + "-slots");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fillings.expect(index);
        slots.add(written);
    }

    /** The fragment of a record that has a slot; in any order. */
    public void fill(int index, byte[] fragment) {
        if (fillings == null) throw new IllegalStateException("no open slot for record " + index);
        fillings.fill(index, fragment);
    }

    /** Writes everything appended, each slot filled with its fragment. */
    public void copyTo(OutputStream target) throws IOException {
        out.flush();
        Iterator<byte[]> fillings = this.fillings == null ? Collections.emptyIterator() : this.fillings.inOrder();
        if (target instanceof AtomicFile.Target file) {
            copyTo(file, fillings);
            return;
        }
        byte[] buffer = new byte[1 << 16];
        long position = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (long slot : slots) {
                position += copy(in, target, slot - position, buffer);
                target.write(fillings.next());
            }
            copy(in, target, Long.MAX_VALUE, buffer);
        }
    }

    /** File to file, the kernel copying the spilled ranges. */
    private void copyTo(AtomicFile.Target target, Iterator<byte[]> fillings) throws IOException {
        FileChannel to = target.channel();
        try (FileChannel from = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            for (long slot : slots) {
                position = transfer(from, position, slot, to);
                target.write(fillings.next());
            }
            transfer(from, position, from.size(), to);
        }
    }

    private static long transfer(FileChannel from, long position, long end, FileChannel to) throws IOException {
        while (position < end) {
            long moved = from.transferTo(position, end - position, to);
            if (moved <= 0) throw new IOException("the spill file ended early, at byte " + position);
            position += moved;
        }
        return position;
    }

    private static long copy(InputStream in, OutputStream target, long limit, byte[] buffer) throws IOException {
        long copied = 0;
        while (copied < limit) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            if (read < 0) break;
            target.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    @Override
    public void close() throws IOException {
        try (SlotFillings slotted = fillings) {
            out.close();
        } finally {
            TemporaryFiles.delete(file);
        }
    }
}
