package dvk.io;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.util.TempFileCreationStrategy;

/**
 * dvk's temporary files and directories: spills in the system's temporary directory, an output
 * being written beside its target. Each is named {@code dvk-pid<PID>-…} ({@code .dvk-pid<PID>-…}
 * beside an output), so that any run can tell whose it is. They are deleted when their owner closes
 * them, by a shutdown hook on every exit the JVM runs (the end of a command, an error, SIGINT or
 * SIGTERM), and, when even that did not run (SIGKILL, a power cut), by a later run's {@link #sweep}
 * once their owning process is gone: two dvk runs at once never delete each other's files.
 *
 * <p>Static because a shutdown hook and the process's id are the process's, one of each, as
 * {@code File.deleteOnExit} is; that one ran before threads still spilling had finished, and it
 * never knew the output's temporary file.
 */
public final class TemporaryFiles {
    /** A dvk temporary file of any run, and the process that owns it. */
    private static final Pattern OWNED = Pattern.compile("\\.?dvk-pid(\\d+)-.+");
    private static final long PID = ProcessHandle.current().pid();
    /** A process started this long after a file was last written cannot have written it (clocks are coarse). */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

    private static final Set<Path> LIVE = new LinkedHashSet<>();
    private static boolean hooked;
    private static boolean stopping;

    private TemporaryFiles() {}

    /** A new empty file in the system's temporary directory: {@code dvk-pid<PID>-<label>-<random><suffix>}. */
    public static Path create(String label, String suffix) throws IOException {
        return register(() -> Files.createTempFile(prefix(label), suffix));
    }

    /** A new empty directory in the system's temporary directory, deleted with all it holds. */
    public static Path createDirectory(String label) throws IOException {
        return register(() -> Files.createTempDirectory(prefix(label)));
    }

    /**
     * A new empty hidden file in {@code target}'s directory (so that it can be renamed onto the
     * target): {@code .dvk-pid<PID>-<target's name>-<random>.tmp}.
     */
    public static Path beside(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        return register(() -> Files.createTempFile(directory, "." + prefix(target.getFileName().toString()), ".tmp"));
    }

    /** POI's temporary files (a streamed workbook's sheets) as dvk's own, for {@code TempFile.setTempFileCreationStrategy}. */
    public static TempFileCreationStrategy forPoi() {
        return new TempFileCreationStrategy() {
            @Override
            public File createTempFile(String prefix, String suffix) throws IOException {
                return create(prefix, suffix).toFile();
            }

            @Override
            public File createTempDirectory(String prefix) throws IOException {
                return TemporaryFiles.createDirectory(prefix).toFile();
            }
        };
    }

    private static String prefix(String label) {
        return "dvk-pid" + PID + "-" + label + "-";
    }

    /** Deletes a file or directory this process created here, now; nothing if it is gone (renamed onto its target, say). */
    public static void delete(Path path) throws IOException {
        synchronized (LIVE) {
            LIVE.remove(path);
        }
        deleteTree(path);
    }

    @FunctionalInterface
    private interface Creation {
        Path create() throws IOException;
    }

    /** Created and registered under one lock, so that the shutdown hook sees every file or none is created. */
    private static Path register(Creation creation) throws IOException {
        synchronized (LIVE) {
            if (stopping) throw new IOException("dvk is stopping");
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteAll, "dvk: delete temporary files"));
                hooked = true;
            }
            // files others deleted (POI disposes of its own) need not be remembered for ever
            if (LIVE.size() >= 64) LIVE.removeIf(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
            Path path = creation.create();
            LIVE.add(path);
            return path;
        }
    }

    /** The shutdown hook: whatever still runs (a thread spilling, the output being copied) loses its files. */
    private static void deleteAll() {
        List<Path> left;
        synchronized (LIVE) {
            stopping = true;
            left = new ArrayList<>(LIVE);
            LIVE.clear();
        }
        for (Path path : left) {
            try {
                deleteTree(path);
            } catch (IOException ignored) {
                // the JVM is stopping: a file that cannot be deleted now is swept by a later run
            }
        }
    }

    /**
     * Deletes the dvk temporary files and directories in {@code directory} whose owning process is
     * gone (killed before its shutdown hook could run). Quiet: a file that cannot be deleted or
     * read is left for another time.
     */
    public static void sweep(Path directory) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "{dvk-pid*,.dvk-pid*}")) {
            for (Path entry : entries) {
                Matcher owned = OWNED.matcher(entry.getFileName().toString());
                if (!owned.matches() || ownerAlive(Long.parseLong(owned.group(1)), entry)) continue;
                try {
                    deleteTree(entry);
                } catch (IOException ignored) {
                    // someone else's, or already gone
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // an unreadable directory has nothing to sweep
        }
    }

    /**
     * Whether the process that owns a file still runs. A process with its id that started after
     * the file was last written is not its owner (the id was reused); when its start is unknown,
     * it is taken to be the owner: a file kept too long costs less than a file deleted in use.
     */
    static boolean ownerAlive(long pid, Path file) throws IOException {
        if (pid == PID) return true;
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) return false;
        Optional<Instant> started = process.get().info().startInstant();
        if (started.isEmpty()) return true;
        FileTime written = Files.getLastModifiedTime(file);
        return !started.get().isAfter(written.toInstant().plus(CLOCK_SLACK));
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
