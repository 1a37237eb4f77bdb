package dvk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures dvk as a user runs it: each run is a fresh JVM ({@code java -Xmx… -jar dvk.jar evaluate
 * … --timings}) on a generated batch, so JIT warm-up, rule building and garbage collection all
 * count. Records/s is end to end: reading, evaluating and writing the output file.
 */
public final class Benchmark {
    private static final Pattern EVALUATED = Pattern.compile("timing\\s+([\\d.]+) ms\\s+read, evaluate and write (\\d+) records");
    private static final Pattern BUILD = Pattern.compile("timing\\s+([\\d.]+) ms\\s+build rules");
    private static final Pattern FIRST = Pattern.compile("first decision after JVM start: (\\d+) ms");
    private static final Pattern HEAP = Pattern.compile("peak heap in use after GC: (\\d+) MB");

    /** One run's figures. */
    public record Run(int records, int threads, double seconds, double buildSeconds, long firstDecisionMillis,
                      long peakHeapMb, String outputSha256) {
        public double recordsPerSecond() {
            return records / seconds;
        }
    }

    private final Path jar;
    private final Path work;
    private final String heap;

    public Benchmark(Path jar, Path work, String heap) {
        this.jar = jar;
        this.work = work;
        this.heap = heap;
    }

    /** A generated batch of {@code n} records in the work directory (made once, reused): {@code batch-N-SEED-city.json}. */
    public Path batch(int n, long seed, Districts districts) throws IOException {
        Path file = work.resolve("batch-" + n + "-" + seed + "-" + districts.name().toLowerCase(Locale.ROOT) + ".json");
        if (!Files.exists(file)) {
            Path partial = work.resolve(file.getFileName() + ".part");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                new BatchGenerator(BatchGenerator.DEFAULT_YEAR, seed, districts).write(n, BatchFormat.JSON, out);
            }
            Files.move(partial, file);
        }
        return file;
    }

    /** Evaluates the batch in a fresh JVM on {@code threads} threads, with the bench's heap. */
    public Run run(Path batch, int threads) throws IOException, InterruptedException {
        return run(batch, threads, heap);
    }

    /** Evaluates the batch in a fresh JVM on {@code threads} threads, with {@code -Xmx} {@code heap}. */
    public Run run(Path batch, int threads, String heap) throws IOException, InterruptedException {
        Path out = work.resolve("decisions-" + threads + ".json");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar.toString(), "evaluate", batch.toString(),
                "--threads", String.valueOf(threads), "--out", out.toString(), "--timings");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) lines.add(line);
        }
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("the run did not finish in 30 minutes: " + command);
        }
        if (process.exitValue() != 0 && process.exitValue() != 3) {
            throw new IOException("dvk exited " + process.exitValue() + ": " + String.join("\n", lines));
        }
        String all = String.join("\n", lines);
        Matcher evaluated = find(EVALUATED, all);
        Run run = new Run(Integer.parseInt(evaluated.group(2)), threads, Double.parseDouble(evaluated.group(1)) / 1000,
                Double.parseDouble(find(BUILD, all).group(1)) / 1000, Long.parseLong(find(FIRST, all).group(1)),
                Long.parseLong(find(HEAP, all).group(1)), sha256(out));
        Files.delete(out);
        return run;
    }

    private static Matcher find(Pattern pattern, String text) throws IOException {
        Matcher m = pattern.matcher(text);
        if (!m.find()) throw new IOException("no \"" + pattern + "\" in dvk's output:\n" + text);
        return m;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
