package dvk.cli;

import dvk.app.EvaluationObserver;
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
 * A progress bar with rate and ETA on stderr once a batch passes 10,000 records, only when stderr
 * is a terminal: a log file or a pipe gets nothing, so redirected output stays clean. Records are
 * read as a stream, so their total is estimated from how far through the file the reading is.
 */
final class ProgressDisplay implements EvaluationObserver.Progress {
    /** Batches above this many records show progress. */
    static final int THRESHOLD = 10_000;

    private final boolean terminal;
    private final PrintStream stream;
    private final long fileSize;
    private ProgressBar bar;
    private boolean shown;

    private ProgressDisplay(boolean terminal, PrintStream stream, long fileSize) {
        this.terminal = terminal;
        this.stream = stream;
        this.fileSize = fileSize;
    }

    /** Progress through a batch file of {@code fileSize} bytes on the process's stderr, if it is a terminal. */
    static ProgressDisplay forFile(long fileSize) {
        return new ProgressDisplay(stderrIsTerminal(), System.err, fileSize);
    }

    static ProgressDisplay forFile(long fileSize, boolean terminal, PrintStream stream) {
        return new ProgressDisplay(terminal, stream, fileSize);
    }

    /** {@code records} read so far, {@code bytesRead} bytes of the file behind them. */
    @Override
    public void update(long records, long bytesRead) {
        if (!terminal || records <= THRESHOLD) return;
        long estimate = bytesRead > 0 && fileSize > 0 ? Math.max(records, records * fileSize / bytesRead) : records;
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("dvk: evaluating")
                    .setInitialMax(estimate)
                    .setUnit(" records", 1)
                    .showSpeed(new DecimalFormat("#,##0"))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(stream))
                    .build();
            shown = true;
        }
        bar.maxHint(estimate);
        bar.stepTo(records);
    }

    /** The total the bar shows now: an estimate while the file is being read. */
    long total() {
        return bar == null ? 0 : bar.getMax();
    }

    /** Whether a bar has been drawn. */
    boolean shown() {
        return shown;
    }

    /** The reading is over: the bar ends at the true total. */
    @Override
    public void close() {
        if (bar == null) return;
        bar.maxHint(bar.getCurrent());
        bar.close();
        bar = null;
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
