package dvk.cli;

import dvk.io.AtomicFile;
import dvk.io.OutputTarget;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.io.output.WriterOutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --out FILE}, shared by the commands that write a report: a file written atomically, or the command's output. */
public final class OutputOption {
    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output. FILE must be a new or a writable regular"
                    + " file, not an input of the run; a link to a regular file replaces the file it points to.")
    Path out;

    /**
     * Says on stderr why {@code --out} may not be written, before anything runs: it names one of
     * {@code inputs} (files, or directories such as the rules), a directory, a device, a FIFO, a
     * read-only file. False when there is no {@code --out} or it may be written.
     */
    boolean refused(PrintWriter err, Path... inputs) {
        if (out == null) return false;
        try {
            OutputTarget.check(out, Arrays.stream(inputs).filter(Objects::nonNull).toList());
            return false;
        } catch (OutputTarget.Refused e) {
            err.println("dvk: --out " + out + ": " + e.getMessage());
            return true;
        }
    }

    /**
     * Writes the content to the file atomically, or streams it to the command's output (a batch's
     * output can be larger than memory; commands call this only once the content is complete).
     */
    void write(CommandLine.Model.CommandSpec spec, AtomicFile.Content content) throws IOException {
        if (out != null) {
            AtomicFile.write(out, content);
            return;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try (OutputStream stream = WriterOutputStream.builder().setWriter(StandardOutput.failingFast(stdout))
                .setCharset(StandardCharsets.UTF_8).setBufferSize(1 << 16).get()) {
            content.writeTo(new KeptOpen(stream)); // some writers close what they are given, then write on
        }
        StandardOutput.check(stdout);
    }

    /** Closing only flushes. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Writes text to a writer. */
    @FunctionalInterface
    interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes text as it is produced (a generated batch of a million records): to the file atomically
     * in UTF-8, or straight to the command's writer, without the round trip through bytes that
     * {@link #write} makes for content written as bytes.
     */
    void stream(CommandLine.Model.CommandSpec spec, TextContent content) throws IOException {
        if (out != null) {
            AtomicFile.write(out, stream -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                content.writeTo(writer);
                writer.flush();
            });
            return;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Writer writer = new BufferedWriter(StandardOutput.failingFast(stdout), 1 << 16);
        content.writeTo(writer);
        writer.flush();
        StandardOutput.check(stdout);
    }

    boolean toFile() {
        return out != null;
    }

    /** How messages name where the output went. */
    String target() {
        return out == null ? "standard output" : out.toString();
    }

    /** Where the output goes, in the words of a summary line: the file, or standard output in its language. */
    String target(dvk.report.Words words) {
        return out == null ? words.text("cli.standardOutput") : out.toString();
    }

    /** The line (without "dvk: ") for an output that could not be written. */
    String cannotWrite(IOException e) {
        return e instanceof StandardOutput.Lost ? e.getMessage() : "cannot write " + target() + ": " + e.getMessage();
    }
}
