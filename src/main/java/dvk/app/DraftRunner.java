package dvk.app;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Runs {@link DraftMain} in a child JVM on a job directory: {@code java -Xmx… -cp <this process's
 * class path> dvk.app.DraftMain <job>}, with the engine's rule deadline inside and a wall-clock
 * limit outside, after which the child and anything it started are killed. A draft that loops, fills
 * the heap or hangs the compiler costs its child, never the workspace: the workspace only reads the
 * child's {@code report.json} (at most {@link #MAX_REPORT_BYTES}) and the first
 * {@link #KEPT_OUTPUT_BYTES} of what it printed.
 */
public final class DraftRunner {
    static final long MAX_REPORT_BYTES = 32L << 20;
    static final int KEPT_OUTPUT_BYTES = 16 * 1024;
    private static final Duration POLL = Duration.ofMillis(200);

    /** How much a child may take: heap, wall-clock time, and each rule session's deadline inside it. */
    public record Limits(int heapMegabytes, Duration wallClock, Duration ruleTimeout) {
        public static Limits standard(Duration ruleTimeout) {
            return new Limits(256, Duration.ofSeconds(120), ruleTimeout);
        }
    }

    /** The child did not give a report: killed at the limit, out of memory, or failed; {@code reason} says which. */
    public static final class Failed extends Exception {
        public enum Reason { TIME, MEMORY, BUSY, BROKEN, SUPERSEDED }

        private final Reason reason;

        Failed(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final Limits limits;
    private final String mainClass;
    /** Children at once: each takes a core and up to its heap. */
    private final Semaphore running;

    public DraftRunner(Limits limits, int atOnce) {
        this(limits, atOnce, DraftMain.class.getName());
    }

    /** With another main class: tests stand in a child that hangs or fills its heap. */
    DraftRunner(Limits limits, int atOnce, String mainClass) {
        this.limits = limits;
        this.running = new Semaphore(Math.max(1, atOnce), true);
        this.mainClass = mainClass;
    }

    public Limits limits() {
        return limits;
    }

    /** Writes the request into the job directory, runs the child on it, and reads its report. */
    public DraftReport run(Path job, DraftRequest request) throws Failed, IOException {
        return run(job, request, () -> false);
    }

    /**
     * As {@link #run(Path, DraftRequest)}, given up (the child killed) as soon as {@code superseded}
     * says a newer request made this one pointless: the editor's check of text typed since.
     */
    public DraftReport run(Path job, DraftRequest request, BooleanSupplier superseded) throws Failed, IOException {
        DraftMain.JSON.writeValue(job.resolve(DraftRequest.FILE).toFile(), request);
        long deadline = System.nanoTime() + limits.wallClock().toNanos();
        try {
            while (!running.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (superseded.getAsBoolean()) throw new Failed(Failed.Reason.SUPERSEDED, "a newer check replaced this one");
                if (System.nanoTime() > deadline) {
                    throw new Failed(Failed.Reason.BUSY, "other drafts are being evaluated; try again in a minute");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(Failed.Reason.BUSY, "interrupted while waiting for other drafts");
        }
        try {
            return runChild(job, superseded);
        } finally {
            running.release();
        }
    }

    private DraftReport runChild(Path job, BooleanSupplier superseded) throws Failed, IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + limits.heapMegabytes() + "m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + Files.createDirectories(job.resolve("tmp")),
                "-cp", classPath(), mainClass, job.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(job.toFile());
        // nothing of the server's environment (a database password in DVK_DB_PASSWORD, say) reaches the draft
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        Process child = builder.start();
        child.getOutputStream().close();
        Output out = Output.drain(child.getInputStream(), "dvk draft out");
        Output err = Output.drain(child.getErrorStream(), "dvk draft err");
        boolean ended = false;
        long deadline = System.nanoTime() + limits.wallClock().toNanos();
        try {
            while (!ended && System.nanoTime() < deadline) {
                ended = child.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (!ended && superseded.getAsBoolean()) {
                    kill(child);
                    throw new Failed(Failed.Reason.SUPERSEDED, "a newer check replaced this one");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (!ended) {
            kill(child);
            throw new Failed(Failed.Reason.TIME, "the draft did not finish in " + limits.wallClock().toSeconds()
                    + " s and was stopped: a rule that fires again and again without end does this");
        }
        out.join();
        err.join();
        String said = err.text();
        if (child.exitValue() == DraftMain.OUT_OF_MEMORY || said.contains("OutOfMemoryError") || said.contains("out of memory")) {
            throw new Failed(Failed.Reason.MEMORY, "the draft needed more than " + limits.heapMegabytes()
                    + " MB of memory and was stopped: a rule that inserts facts without end does this");
        }
        Path report = job.resolve(DraftReport.FILE);
        if (child.exitValue() != 0 || !Files.isRegularFile(report)) {
            throw new Failed(Failed.Reason.BROKEN, "the draft's evaluation failed (exit " + child.exitValue() + ")"
                    + (said.isBlank() ? "" : ": " + said.strip().lines().limit(5).collect(Collectors.joining(" / "))));
        }
        if (Files.size(report) > MAX_REPORT_BYTES) {
            throw new Failed(Failed.Reason.BROKEN, "the draft's report is larger than " + (MAX_REPORT_BYTES >> 20) + " MB");
        }
        return DraftMain.JSON.readValue(report.toFile(), DraftReport.class);
    }

    private static void kill(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        try {
            child.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This process's class path with every entry absolute: the child runs in the job directory. */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** A child's stdout or stderr read to its end on a thread of its own, its first bytes kept. */
    private static final class Output {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private Thread thread;

        static Output drain(InputStream stream, String name) {
            Output output = new Output();
            output.thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (stream) {
                    for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                        synchronized (output.kept) {
                            int room = KEPT_OUTPUT_BYTES - output.kept.size();
                            if (room > 0) output.kept.write(buffer, 0, Math.min(room, n));
                        }
                    }
                } catch (IOException ignored) {
                    // the child was killed: what was read is kept
                }
            }, name);
            output.thread.setDaemon(true);
            output.thread.start();
            return output;
        }

        void join() {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
