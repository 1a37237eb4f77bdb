package dvk.engine;

import dvk.domain.Batch;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates a batch: each district's nominations in a session of their own (the quota needs them
 * together), districts in parallel on {@code threads} threads, decisions merged back in input order.
 */
public final class Evaluator {
    private final RuleSet rules;
    private final int threads;

    public Evaluator(RuleSet rules, int threads) {
        this.rules = rules;
        this.threads = Math.max(1, threads);
    }

    public Evaluator(RuleSet rules) {
        this(rules, Runtime.getRuntime().availableProcessors());
    }

    public Evaluation evaluate(Batch batch) {
        Map<String, List<Indexed<Nomination>>> byDistrict = new LinkedHashMap<>();
        for (Indexed<Nomination> n : batch.accepted()) {
            byDistrict.computeIfAbsent(n.value().district(), d -> new ArrayList<>()).add(n);
        }
        DecisionAssembler assembler = new DecisionAssembler(rules);
        List<Decision> decisions = new ArrayList<>(batch.accepted().size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, byDistrict.size())), r -> {
            Thread t = new Thread(r, "dvk-district");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Decision>>> futures = new ArrayList<>();
            for (Map.Entry<String, List<Indexed<Nomination>>> district : byDistrict.entrySet()) {
                futures.add(pool.submit(() -> {
                    Map<String, SessionFacts> facts = DistrictSession.evaluate(
                            rules, batch.year(), district.getKey(), district.getValue());
                    return district.getValue().stream()
                            .map(n -> assembler.assemble(n, facts.getOrDefault(n.value().id(), SessionFacts.none())))
                            .toList();
                }));
            }
            for (Future<List<Decision>> future : futures) {
                decisions.addAll(future.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuleFailure failure) throw failure;
            throw new RuleFailure("?", "evaluation failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleFailure("?", "evaluation interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        decisions.sort(Comparator.comparingInt(Decision::index));
        return new Evaluation(batch.year(), rules, decisions, batch.rejected());
    }
}
