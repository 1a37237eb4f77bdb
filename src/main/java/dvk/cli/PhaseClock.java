package dvk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Wall time of each phase of a command, for {@code --timings}. */
final class PhaseClock {
    private final List<String> laps = new ArrayList<>();
    private long last = System.nanoTime();

    void lap(String phase) {
        long now = System.nanoTime();
        laps.add(String.format("%8.1f ms  %s", (now - last) / 1e6, phase));
        last = now;
    }

    long now() {
        return System.nanoTime();
    }

    /** A line for several phases together, from {@code since} (a {@link #now}) to the last lap. */
    void total(String phases, long since) {
        laps.add(String.format("%8.1f ms  %s", (last - since) / 1e6, phases));
    }

    void print(PrintWriter err) {
        laps.forEach(lap -> err.println("dvk: timing " + lap));
    }
}
