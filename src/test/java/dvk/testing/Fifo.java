package dvk.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A named pipe that a thread fills, as {@code cat batch.json > fifo} or a shell's
 * {@code <(cat batch.json)} would: in small pieces, so the reader sees short reads, and only once.
 */
public final class Fifo {
    private Fifo() {}

    /** An empty FIFO (mkfifo) that nobody writes. */
    public static Path make(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("mkfifo " + path + " failed");
        }
        return path;
    }

    /** A FIFO that a daemon thread writes {@code bytes} into, once, as soon as a reader opens it. */
    public static Path of(Path path, byte[] bytes) throws IOException, InterruptedException {
        make(path);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(path)) {
                for (int at = 0; at < bytes.length; at += 4096) {
                    out.write(bytes, at, Math.min(4096, bytes.length - at));
                    out.flush();
                }
            } catch (IOException ignored) {
                // the reader stopped reading: the test says what it expected
            }
        }, "fifo writer " + path.getFileName());
        writer.setDaemon(true);
        writer.start();
        return path;
    }

    /** A FIFO that a daemon thread fills with the content of {@code file}. */
    public static Path of(Path path, Path file) throws IOException, InterruptedException {
        return of(path, Files.readAllBytes(file));
    }
}
