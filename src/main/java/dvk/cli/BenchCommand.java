package dvk.cli;

import dvk.bench.Benchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures dvk end to end: generated batches (dvk generate) evaluated in fresh JVMs with a capped heap,"
                    + " on 1 and 2 threads. Prints records/s (read, evaluate, write), the speed-up from more threads,"
                    + " the time from JVM start to the first decision (cold start), the peak heap, and whether the"
                    + " output is byte-identical whatever the thread count. Run it from the packaged jar.",
            "",
            "Exit codes: 0 measured; 1 the outputs differ between thread counts; 2 usage or a run failed."
        })
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "10000,100000,1000000",
            description = "Batch sizes. Default: ${DEFAULT-VALUE}.")
    List<Integer> sizes;

    @Option(names = "--threads", split = ",", paramLabel = "T", defaultValue = "1,2",
            description = "Thread counts. Default: ${DEFAULT-VALUE}.")
    List<Integer> threads;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "256m",
            description = "Each run's -Xmx. Default: ${DEFAULT-VALUE}.")
    String heap;

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--work", paramLabel = "DIR", description = "Where batches and outputs go. Default: a temporary directory.")
    Path work;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path jar = runningJar();
        if (jar == null) {
            err.println("dvk: bench runs dvk in fresh JVMs from the packaged jar: java -jar target/dvk.jar bench");
            return ExitCodes.USAGE;
        }
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("dvk-bench");
        Benchmark bench = new Benchmark(jar, dir, heap);
        out.printf("dvk bench: %d cores, -Xmx%s, %s, batches in %s%n", Runtime.getRuntime().availableProcessors(), heap,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), dir);
        out.println("  records  threads   records/s   seconds  build rules  first decision  peak heap after GC  output sha-256");
        out.flush();
        boolean identical = true;
        List<String> speedUps = new ArrayList<>();
        for (int size : sizes) {
            Path batch = bench.batch(size, seed);
            List<Benchmark.Run> runs = new ArrayList<>();
            for (int t : threads) {
                Benchmark.Run run = bench.run(batch, t);
                runs.add(run);
                out.printf(Locale.ROOT, "%9d  %7d  %10.0f  %8.2f  %9.2f s  %11d ms  %9d MB        %s%n", run.records(), t,
                        run.recordsPerSecond(), run.seconds(), run.buildSeconds(), run.firstDecisionMillis(),
                        run.peakHeapMb(), run.outputSha256().substring(0, 16));
                out.flush();
            }
            identical &= runs.stream().map(Benchmark.Run::outputSha256).distinct().count() == 1;
            if (runs.size() > 1) {
                speedUps.add(String.format(Locale.ROOT, "%d records: %.2f× from %d to %d threads", size,
                        runs.get(runs.size() - 1).recordsPerSecond() / runs.get(0).recordsPerSecond(),
                        runs.get(0).threads(), runs.get(runs.size() - 1).threads()));
            }
        }
        speedUps.forEach(s -> out.println("speed-up " + s));
        out.println(identical ? "output byte-identical across thread counts: yes" : "output byte-identical across thread counts: NO");
        return identical ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
