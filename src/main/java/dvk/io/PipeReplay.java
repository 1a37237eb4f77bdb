package dvk.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JSON batch from a pipe (a FIFO, {@code <(…)}), which can be neither opened twice nor rewound.
 * What the first pass reads is copied to a temporary file for as long as a second pass from the
 * start may be asked for (to find a "year" written after the nominations); the copy is dropped as
 * soon as the year turns up before them, so a pipe whose year comes first streams like a file.
 */
final class PipeReplay implements JsonBatchReader.Opener {
    private final InputStream pipe;
    private final Path copy;
    /** Null once the copy holds the whole pipe, or was dropped. */
    private OutputStream copying;
    private boolean opened;
    /** Bytes the first pass has read. */
    private long consumed;
    /** Where the first pass reads on once the pipe has all gone into the copy. */
    private InputStream rest;

    PipeReplay(InputStream pipe) throws IOException {
        this.pipe = pipe;
        this.copy = TemporaryFiles.create("input", ".spill");
        this.copying = new BufferedOutputStream(Files.newOutputStream(copy), 1 << 16);
    }

    /** The first pass over the pipe; then, each time, a pass over the copy of all of it. */
    @Override
    public InputStream open() throws IOException {
        if (!opened) {
            opened = true;
            return new FirstPass();
        }
        if (copying == null && rest == null) throw new IllegalStateException("the copy of the pipe was dropped");
        if (copying != null) {
            pipe.transferTo(copying);
            copying.close();
            copying = null;
            rest = Files.newInputStream(copy);
            rest.skipNBytes(consumed);
        }
        return Files.newInputStream(copy);
    }

    @Override
    public void noSecondPass() throws IOException {
        if (copying == null) return;
        copying.close();
        copying = null;
        TemporaryFiles.delete(copy);
    }

    private final class FirstPass extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n;
            if (rest != null) {
                n = rest.read(bytes, offset, length);
            } else {
                n = pipe.read(bytes, offset, length);
                if (n > 0 && copying != null) copying.write(bytes, offset, n);
            }
            if (n > 0) consumed += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            try (InputStream in = pipe; InputStream copied = rest; OutputStream out = copying) {
                copying = null;
            } finally {
                TemporaryFiles.delete(copy);
            }
        }
    }
}
