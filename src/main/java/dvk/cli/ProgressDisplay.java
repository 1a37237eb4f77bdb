package dvk.cli;

import dvk.engine.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and ETA on stderr for batches large enough to wait for, only when stderr
 * is a terminal: a log file or a pipe gets nothing, so redirected output stays clean.
 */
final class ProgressDisplay implements AutoCloseable {
    /** Batches above this many records show progress. */
    static final int THRESHOLD = 10_000;

    private final ProgressBar bar;

    private ProgressDisplay(ProgressBar bar) {
        this.bar = bar;
    }

    /** Progress for {@code records} records on the process's stderr, if it is a terminal. */
    static ProgressDisplay forRecords(int records) {
        return forRecords(records, stderrIsTerminal(), System.err);
    }

    static ProgressDisplay forRecords(int records, boolean terminal, PrintStream stream) {
        if (records <= THRESHOLD || !terminal) {
            return new ProgressDisplay(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("dvk: evaluating")
                .setInitialMax(records)
                .setUnit(" records", 1)
                .showSpeed(new DecimalFormat("#,##0"))
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .build();
        return new ProgressDisplay(bar);
    }

    Progress progress() {
        return bar == null ? Progress.NONE : bar::stepBy;
    }

    boolean shown() {
        return bar != null;
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }

    /**
     * Java tells whether stdin and stdout are a terminal ({@code System.console()}), not stderr; on
     * Linux {@code /proc/self/fd/2} names the device stderr goes to.
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the portable, stricter answer
        }
        return System.console() != null;
    }
}
