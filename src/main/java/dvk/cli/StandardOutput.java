package dvk.cli;

import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that tells when it fails. {@code System.out} is a PrintStream, which swallows a
 * full disk or {@code /dev/full} without a word, and a PrintWriter on it only knows that something
 * failed; this one keeps the reason, and stops writing at the first failure. A command that wrote
 * to a failed standard output exits 2 with one line on stderr: its output is not what it claims.
 */
final class StandardOutput extends PrintWriter {
    private final Remembering stream;

    /** Why standard output, or any command's writer, lost something written to it. */
    static final class Lost extends IOException {
        Lost(String reason) {
            super("cannot write to standard output" + (reason == null ? "" : ": " + reason));
        }
    }

    private StandardOutput(Remembering stream) {
        super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        this.stream = stream;
    }

    /** UTF-8 text to {@code out}, normally the process's file descriptor 1 itself rather than {@code System.out}. */
    static StandardOutput of(OutputStream out) {
        return new StandardOutput(new Remembering(out));
    }

    /** Flushes {@code out} and throws if anything written to it so far was lost. */
    static void check(PrintWriter out) throws Lost {
        if (out.checkError()) {
            throw new Lost(out instanceof StandardOutput standard && standard.stream.failure != null
                    ? standard.stream.failure.getMessage() : null);
        }
    }

    /**
     * For commands that print as they go: true, after one line on {@code err}, when {@code out} has
     * lost anything; to check before the command's last word on stderr.
     */
    static boolean lost(PrintWriter out, PrintWriter err) {
        try {
            check(out);
            return false;
        } catch (Lost e) {
            err.println("dvk: " + e.getMessage());
            return true;
        }
    }

    /**
     * A writer on {@code out} that throws once {@code out} has lost anything, so that a long output
     * (a million generated records) stops at the first failure instead of writing on into nothing.
     * Give it large writes: each one flushes {@code out} to find out.
     */
    static Writer failingFast(PrintWriter target) {
        return new FilterWriter(target) {
            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                target.write(chars, offset, length);
                check(target);
            }

            @Override
            public void write(String text, int offset, int length) throws IOException {
                target.write(text, offset, length);
                check(target);
            }

            @Override
            public void write(int c) throws IOException {
                target.write(c);
                check(target);
            }

            @Override
            public void flush() throws IOException {
                check(target);
            }

            /** The command's writer outlives one output. */
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Remembers the first failure, and refuses every write after it. */
    private static final class Remembering extends FilterOutputStream {
        private volatile IOException failure;

        Remembering(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (failure != null) throw failure;
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            if (failure != null) throw failure;
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
