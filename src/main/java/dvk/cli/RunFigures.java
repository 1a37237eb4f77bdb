package dvk.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What a run cost, for {@code --timings} and {@code dvk bench}: the time from the JVM's start to the
 * first decision (cold start) and the peak heap. The peak is the largest heap in use just after a
 * garbage collection, i.e. what the run really holds, not garbage waiting to be collected; the bench
 * reads these lines back.
 */
final class RunFigures {
    static final String FIRST_DECISION = "dvk: timing first decision after JVM start: ";
    static final String PEAK_HEAP = "dvk: timing peak heap in use after GC: ";
    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();

    private RunFigures() {}

    /** Starts following the garbage collections; call early in a run that will print the figures. */
    static void watch() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    MemoryUsage usage = pool.getValue();
                    if (heapPools.contains(pool.getKey())) used += usage.getUsed();
                }
                PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    static void print(PrintWriter err, long firstDecisionMillis) {
        if (firstDecisionMillis > 0) {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            err.println(FIRST_DECISION + (firstDecisionMillis - jvmStart) + " ms");
        }
        long peak = PEAK_AFTER_GC.get();
        if (peak == 0) peak = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(); // no GC ran
        err.println(PEAK_HEAP + peak / (1024 * 1024) + " MB (of -Xmx " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
    }
}
