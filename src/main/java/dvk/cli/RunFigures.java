package dvk.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What a run cost, for {@code --timings} and {@code dvk bench}: the time from the JVM's start to the
 * first decision (cold start) and the peak heap in use. The bench reads these lines back.
 */
final class RunFigures {
    static final String FIRST_DECISION = "dvk: timing first decision after JVM start: ";
    static final String PEAK_HEAP = "dvk: timing peak heap used: ";

    private RunFigures() {}

    static void print(PrintWriter err, long firstDecisionMillis) {
        if (firstDecisionMillis > 0) {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            err.println(FIRST_DECISION + (firstDecisionMillis - jvmStart) + " ms");
        }
        err.println(PEAK_HEAP + peakHeapBytes() / (1024 * 1024) + " MB");
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
