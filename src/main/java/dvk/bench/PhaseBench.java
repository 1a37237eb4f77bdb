package dvk.bench;

import dvk.domain.Decision;
import dvk.domain.Nomination;
import dvk.domain.RejectedRecord;
import dvk.domain.ValidatedRecord;
import dvk.engine.DecisionListener;
import dvk.engine.Evaluator;
import dvk.engine.RecordSource;
import dvk.engine.RuleSet;
import dvk.io.AtomicFile;
import dvk.io.BatchException;
import dvk.io.BatchReader;
import dvk.io.BatchStream;
import dvk.report.JsonDecisionOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Where the time of an evaluation goes, measured phase by phase in one warm JVM: reading and
 * validating a file (one thread, as {@code evaluate} reads), the rules and the assembling of
 * decisions from records already in memory, then the same plus rendering and writing the JSON.
 * Each phase's records/s is a ceiling for the whole run; the gaps between them are what parsing,
 * rendering and writing cost.
 */
public final class PhaseBench {
    public static final String READ = "read and validate";
    public static final String RULES = "rules, assemble";
    public static final String RENDER = "rules, assemble, render and write JSON";

    /** One phase's time on one thread count: the median of the rounds after the first. */
    public record Phase(String name, int threads, int records, double seconds) {
        public double recordsPerSecond() {
            return records / seconds;
        }
    }

    private final RuleSet rules;
    private final Path output;

    /** @param output where the rendering phase writes its JSON (overwritten each round) */
    public PhaseBench(RuleSet rules, Path output) {
        this.rules = rules;
        this.output = output;
    }

    /**
     * @param inMemory how many of the batch's first records the in-memory phases evaluate (held in
     *                 the heap, so bounded)
     */
    public List<Phase> measure(Path batch, int inMemory, List<Integer> threads, int rounds) throws IOException {
        List<ValidatedRecord> sample = new ArrayList<>(inMemory);
        int year;
        try (BatchStream input = BatchReader.open(batch)) {
            year = input.year();
            for (ValidatedRecord r = input.next(); r != null && sample.size() < inMemory; r = input.next()) sample.add(r);
        } catch (BatchException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<Double> read = new ArrayList<>();
        List<List<Double>> evaluated = new ArrayList<>();
        List<List<Double>> rendered = new ArrayList<>();
        threads.forEach(t -> {
            evaluated.add(new ArrayList<>());
            rendered.add(new ArrayList<>());
        });
        int records = 0;
        for (int round = 0; round < Math.max(2, rounds); round++) {
            long started = System.nanoTime();
            records = readAll(batch);
            if (round > 0) read.add(seconds(started));
            for (int i = 0; i < threads.size(); i++) {
                Evaluator evaluator = new Evaluator(rules, threads.get(i));
                started = System.nanoTime();
                evaluator.stream(year, source(sample), new Discard());
                if (round > 0) evaluated.get(i).add(seconds(started));
                started = System.nanoTime();
                writeJson(rules, threads.get(i), year, source(sample), output);
                if (round > 0) rendered.get(i).add(seconds(started));
            }
        }
        List<Phase> phases = new ArrayList<>();
        phases.add(new Phase(READ, 1, records, median(read)));
        for (int i = 0; i < threads.size(); i++) {
            phases.add(new Phase(RULES, threads.get(i), sample.size(), median(evaluated.get(i))));
        }
        for (int i = 0; i < threads.size(); i++) {
            phases.add(new Phase(RENDER, threads.get(i), sample.size(), median(rendered.get(i))));
        }
        return phases;
    }

    /** Evaluates the records and writes the data contract's JSON to {@code output}, as {@code evaluate} does. */
    public static <E extends Exception> void writeJson(RuleSet rules, int threads, int year, RecordSource<E> records,
                                                       Path output) throws IOException, E {
        try (JsonDecisionOutput json = new JsonDecisionOutput(year, rules)) {
            new Evaluator(rules, threads).stream(year, records, json);
            AtomicFile.write(output, json::writeTo);
        }
    }

    private static int readAll(Path batch) throws IOException {
        try (BatchStream input = BatchReader.open(batch)) {
            int n = 0;
            while (input.next() != null) n++;
            return n;
        } catch (BatchException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static RecordSource<RuntimeException> source(List<ValidatedRecord> records) {
        Iterator<ValidatedRecord> it = records.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Assembles each decision (in {@code prepare}, on the evaluating threads, as an output would) and drops it. */
    private static final class Discard implements DecisionListener<Decision> {
        @Override
        public Decision prepare(Decision decision) {
            return decision;
        }

        @Override
        public void decided(Decision decision, Decision prepared) {}

        @Override
        public void pending(int index, Nomination nomination) {}

        @Override
        public void rejected(RejectedRecord rejected) {}

        @Override
        public void resolved(Decision decision, Decision prepared) {}
    }
}
