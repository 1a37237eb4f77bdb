package dvk.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Writes a file through a temporary sibling and a rename, so a failed run never leaves a partial
 * file and never replaces the previous good one.
 */
public final class AtomicFile {
    /** Writes the content to an output stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFile() {}

    /** A temporary file is private (rw-------); the report it becomes should not be. */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) return;
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : READABLE_BY_ALL;
        Files.setPosixFilePermissions(temporary, permissions);
    }

    /**
     * The stream content is written to: a file, whose channel a spill copies into directly (the
     * kernel copies; a 2.5 GB output took 13 s through a buffer).
     */
    public static final class Target extends OutputStream {
        private final FileChannel channel;
        private final OutputStream out;
        /** The first write that failed, even if the content's own PrintWriter swallowed it. */
        private IOException failure;

        private Target(FileChannel channel) {
            this.channel = channel;
            this.out = Channels.newOutputStream(channel);
        }

        /** The file's channel, positioned after everything written so far. */
        public FileChannel channel() {
            return channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                if (failure == null) failure = e;
                throw e;
            }
        }
    }

    /**
     * Replaces {@code target} (or the file a link there points to) with the content, or leaves it as
     * it was; {@link OutputTarget} decides what may be replaced. The temporary file lives beside the
     * target (a rename does not cross file systems) and is deleted on every exit the JVM runs; the
     * ones a killed run left there are swept first.
     */
    public static void write(Path target, Content content) throws IOException {
        Path file = OutputTarget.check(target, List.of());
        Path directory = file.getParent();
        Files.createDirectories(directory);
        TemporaryFiles.sweep(directory);
        Path temporary = TemporaryFiles.beside(file);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 Target out = new Target(channel)) {
                content.writeTo(out);
                if (out.failure != null) throw out.failure;
            }
            keepPermissions(file, temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            TemporaryFiles.delete(temporary);
        }
    }
}
