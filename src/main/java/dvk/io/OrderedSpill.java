package dvk.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Output fragments kept in input order in a temporary file, so that a batch's output takes disk,
 * not memory, until it can be written whole. A slot marks where a fragment that is not known yet
 * (a decision waiting for the district quota) goes; the slots are filled, in order, when copying out.
 */
public final class OrderedSpill implements Closeable {
    private final Path file;
    private final OutputStream out;
    private final List<Long> slots = new ArrayList<>();
    private long written;

    public OrderedSpill(String name) throws IOException {
        file = Files.createTempFile("dvk-" + name + "-", ".spill");
        file.toFile().deleteOnExit();
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    public void append(byte[] bytes) throws IOException {
        out.write(bytes);
        written += bytes.length;
    }

    /** Marks the place of a fragment that comes later, through {@link #copyTo}. */
    public void slot() {
        slots.add(written);
    }

    public int slots() {
        return slots.size();
    }

    /** Writes everything appended, each slot filled by the next of {@code fillings}. */
    public void copyTo(OutputStream target, Iterator<byte[]> fillings) throws IOException {
        out.flush();
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
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
