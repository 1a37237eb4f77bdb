package dvk.cli;

import dvk.bench.BatchGenerator;
import dvk.bench.Benchmark;
import dvk.bench.Districts;
import dvk.bench.PhaseBench;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.io.BatchException;
import dvk.io.BatchReader;
import dvk.io.BatchStream;
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
            "Measures dvk end to end: generated batches (dvk generate --districts city: one Hà Nội however large,"
                    + " about 18 %% of the records in its busiest district) evaluated in fresh JVMs with a capped heap,"
                    + " on 1 and 2 threads. Prints records/s (read, evaluate, write), the speed-up from more threads,"
                    + " the time from JVM start to the first decision (cold start), the peak heap, and whether the"
                    + " output is byte-identical whatever the thread count; then a batch all in one district, the"
                    + " largest quota group, in a smaller heap. Run it from the packaged jar."
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

    @Option(names = "--one-district", paramLabel = "N", defaultValue = "100000",
            description = "Also evaluate N records all in one district (dvk generate --districts one: about 2 %% of them"
                    + " CITY_MODEL candidates, ranked together for the district quota) in a fresh JVM with -Xmx"
                    + ONE_DISTRICT_HEAP + ", on the most threads given. 0 skips. Default: ${DEFAULT-VALUE}.")
    int oneDistrict;

    /** Half the default heap: the one district's quota must rank in memory linear in its candidates. */
    static final String ONE_DISTRICT_HEAP = "128m";

    @Option(names = "--warm", paramLabel = "ROUNDS", defaultValue = "3",
            description = "Also evaluate each batch up to 100,000 records ROUNDS times in this one JVM (reading, evaluating,"
                    + " writing the JSON file), 1 and 2 threads taking turns, and report the median of the rounds after the"
                    + " first: the speed once the JIT has compiled the code, as a service or a what-if run evaluating"
                    + " batch after batch sees it. 0 skips. Default: ${DEFAULT-VALUE}.")
    int warmRounds;

    // picocli 4.7 needs fallbackValue "true" for a flag true by default: without it, --no-fresh gave true
    @Option(names = "--fresh", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run each batch in fresh JVMs (--no-fresh: only the warm rounds). Default: ${DEFAULT-VALUE}.")
    boolean fresh;

    @Option(names = "--phases", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "After the warm rounds (so not with --warm 0), time the phases apart in this JVM, on the largest batch of up to 100,000"
                    + " records: reading and validating the file; the rules and assembling decisions for its first "
                    + PHASE_SAMPLE + " records, held in memory; the same plus rendering and writing the JSON."
                    + " Default: ${DEFAULT-VALUE}.")
    boolean phases;

    /** Records the in-memory phases hold: enough to time, few enough for a 256 MB heap. */
    static final int PHASE_SAMPLE = 20_000;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path jar = runningJar();
        if (jar == null) {
            err.println("dvk: bench runs dvk in fresh JVMs from the packaged jar: java -jar target/dvk.jar bench");
            return ExitCodes.USAGE;
        }
        // absolute: the fresh JVMs run in it, so a relative path would be read from inside it
        Path dir = (work != null ? Files.createDirectories(work) : Files.createTempDirectory("dvk-bench")).toAbsolutePath();
        Benchmark bench = new Benchmark(jar, dir, heap);
        out.printf("dvk bench: %d cores, -Xmx%s, %s, batches in %s%n", Runtime.getRuntime().availableProcessors(), heap,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), dir);
        if (fresh) out.println(RUN_HEADER);
        if (StandardOutput.lost(out, err)) { // before minutes of measuring for nobody
            if (work == null) Files.deleteIfExists(dir); // still empty
            return ExitCodes.USAGE;
        }
        boolean identical = true;
        List<String> speedUps = new ArrayList<>();
        for (int size : fresh ? sizes : List.<Integer>of()) {
            Path batch = bench.batch(size, seed, Districts.CITY);
            List<Benchmark.Run> runs = new ArrayList<>();
            for (int t : threads) {
                Benchmark.Run run = bench.run(batch, t);
                runs.add(run);
                print(out, run);
            }
            identical &= runs.stream().map(Benchmark.Run::outputSha256).distinct().count() == 1;
            if (runs.size() > 1) {
                speedUps.add(String.format(Locale.ROOT, "%d records: %.2f× from %d to %d threads", size,
                        runs.get(runs.size() - 1).recordsPerSecond() / runs.get(0).recordsPerSecond(),
                        runs.get(0).threads(), runs.get(runs.size() - 1).threads()));
            }
        }
        speedUps.forEach(s -> out.println("speed-up " + s));
        if (fresh && oneDistrict > 0) {
            int most = threads.stream().max(Integer::compare).orElse(1);
            out.printf("one district: %d records in Gia Lâm (dvk generate --districts one), -Xmx%s%n", oneDistrict,
                    ONE_DISTRICT_HEAP);
            out.println(RUN_HEADER);
            out.flush();
            print(out, bench.run(bench.batch(oneDistrict, seed, Districts.ONE), most, ONE_DISTRICT_HEAP));
        }
        if (warmRounds > 0) {
            warm(out, bench, dir);
        }
        if (fresh) {
            out.println(identical ? "output byte-identical across thread counts: yes" : "output byte-identical across thread counts: NO");
        }
        return identical ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static final String RUN_HEADER =
            "  records  threads   records/s   seconds  build rules  first decision  peak heap after GC  output sha-256";

    private static void print(PrintWriter out, Benchmark.Run run) {
        out.printf(Locale.ROOT, "%9d  %7d  %10.0f  %8.2f  %9.2f s  %11d ms  %9d MB        %s%n", run.records(), run.threads(),
                run.recordsPerSecond(), run.seconds(), run.buildSeconds(), run.firstDecisionMillis(),
                run.peakHeapMb(), run.outputSha256().substring(0, 16));
        out.flush();
    }

    /** The same work in this JVM, round after round: the median round after the first shows the warmed-up speed. */
    private void warm(PrintWriter out, Benchmark bench, Path dir) throws IOException, InterruptedException {
        RuleSet rules;
        try {
            // the bundled rules, as the fresh JVMs use (they run in the work directory, which has no rules/)
            rules = new RuleCompiler().compile(RuleLibrary.bundled().forYear(BatchGenerator.DEFAULT_YEAR));
        } catch (RulesException e) {
            out.println("warm: skipped, the bundled rules cannot be used: " + e.getMessage());
            return;
        }
        out.printf("warm: %d rounds in this JVM (-Xmx%d MB), median of rounds 2–%d shown%n", warmRounds,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Math.max(2, warmRounds));
        out.println("  records  threads   records/s   seconds");
        for (int size : sizes) {
            if (size > 100_000) continue;
            Path batch = bench.batch(size, seed, Districts.CITY);
            // one list of round times per thread count; the first round warms the JIT and is left out
            List<List<Double>> rounds = new ArrayList<>();
            threads.forEach(t -> rounds.add(new ArrayList<>()));
            for (int round = 0; round < Math.max(2, warmRounds); round++) {
                for (int i = 0; i < threads.size(); i++) {
                    double seconds = timedRun(rules, batch, threads.get(i), dir.resolve("warm.json"));
                    if (round > 0) rounds.get(i).add(seconds);
                }
            }
            double[] median = rounds.stream().mapToDouble(PhaseBench::median).toArray();
            for (int i = 0; i < threads.size(); i++) {
                out.printf(Locale.ROOT, "%9d  %7d  %10.0f  %8.2f%n", size, threads.get(i), size / median[i], median[i]);
            }
            if (threads.size() > 1) {
                out.printf(Locale.ROOT, "warm speed-up %d records: %.2f× from %d to %d threads%n", size,
                        median[0] / median[threads.size() - 1], threads.get(0), threads.get(threads.size() - 1));
            }
            out.flush();
        }
        Files.deleteIfExists(dir.resolve("warm.json"));
        if (phases) phases(out, rules, bench, dir);
    }

    /** Each phase's records/s: the slowest phase bounds the whole run, whatever the rest costs. */
    private void phases(PrintWriter out, RuleSet rules, Benchmark bench, Path dir) throws IOException {
        int size = sizes.stream().filter(s -> s <= 100_000).max(Integer::compare).orElse(0);
        if (size == 0) return;
        int sample = Math.min(size, PHASE_SAMPLE);
        int rounds = Math.max(2, warmRounds);
        out.printf("phases: %d records (in memory: the first %d), %d rounds in this JVM, median of rounds 2–%d%n",
                size, sample, rounds, rounds);
        out.println("  phase                                    threads   records/s   seconds");
        Path rendered = dir.resolve("phases.json");
        List<PhaseBench.Phase> measured = new PhaseBench(rules, rendered).measure(bench.batch(size, seed, Districts.CITY), sample, threads, rounds);
        Files.deleteIfExists(rendered);
        for (PhaseBench.Phase phase : measured) {
            out.printf(Locale.ROOT, "  %-40s  %6d  %10.0f  %8.2f%n", phase.name(), phase.threads(),
                    phase.recordsPerSecond(), phase.seconds());
        }
        out.flush();
    }

    /** Seconds to read, evaluate and write the batch as JSON, as {@code evaluate} does. */
    private static double timedRun(RuleSet rules, Path batch, int threads, Path output) throws IOException {
        long started = System.nanoTime();
        try (BatchStream input = BatchReader.open(batch)) {
            PhaseBench.writeJson(rules, threads, input.year(), input::next, output);
        } catch (BatchException e) {
            throw new IOException(e.getMessage(), e);
        }
        return (System.nanoTime() - started) / 1e9;
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
