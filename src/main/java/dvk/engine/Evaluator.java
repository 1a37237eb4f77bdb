package dvk.engine;

import dvk.domain.AcceptedRecord;
import dvk.domain.Batch;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.RejectedRecord;
import dvk.domain.ValidatedRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates a batch as a stream, so memory does not grow with it. Records are read in chunks; each
 * chunk is evaluated in a session of its own, chunks in parallel on {@code threads} threads, and
 * results are handed on in input order. Only the district quota compares nominations with each
 * other: a nomination the rules make a {@code QuotaCandidate} is held back, and once every record
 * has been read, each district's candidates are evaluated together in one small session where the
 * quota rule ranks them. Every other decision is final when its chunk is done.
 */
public final class Evaluator {
    /** Records a session evaluates at once: enough to spread the session's cost, small enough to stream. */
    static final int CHUNK = Integer.getInteger("dvk.chunk", 256);
    /**
     * The first chunks are smaller (16, 32, … up to CHUNK): the first decisions come out while the
     * JIT is still cold, instead of after a whole cold chunk.
     */
    static final int FIRST_CHUNK = Math.min(16, CHUNK);
    /**
     * Quota candidates whose sessions run at once: about 120 MB of sessions. 100,000 records in one
     * district have about 2,300 candidates; a million in Hà Nội's districts about 4,200 in Gia Lâm.
     */
    static final int QUOTA_CANDIDATES_AT_ONCE = 4_096;

    private final RuleSet rules;
    private final int threads;
    private final boolean anyYear;

    private Evaluator(RuleSet rules, int threads, boolean anyYear) {
        this.rules = rules;
        this.threads = Math.max(1, threads);
        this.anyYear = anyYear;
    }

    public Evaluator(RuleSet rules, int threads) {
        this(rules, threads, false);
    }

    public Evaluator(RuleSet rules) {
        this(rules, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The same evaluator, evaluating batches of years its rule set does not declare: a what-if
     * ("what would last year's nominations get under the new rules?"), never a real decision.
     */
    public Evaluator whatIf() {
        return new Evaluator(rules, threads, true);
    }

    public RuleSet rules() {
        return rules;
    }

    /** Evaluates a batch held in memory, collecting the decisions (fixtures, diffs, tests). */
    public Evaluation evaluate(Batch batch) {
        List<ValidatedRecord> records = new ArrayList<>(batch.records());
        batch.accepted().forEach(n -> records.add(new AcceptedRecord(n.index(), n.value())));
        records.addAll(batch.rejected());
        records.sort(Comparator.comparingInt(ValidatedRecord::index));
        Iterator<ValidatedRecord> it = records.iterator();
        EvaluationCollector collector = new EvaluationCollector();
        stream(batch.year(), () -> it.hasNext() ? it.next() : null, collector);
        return collector.evaluation(batch.year(), rules);
    }

    /**
     * Reads every record of {@code source}, evaluates it and tells {@code listener}.
     *
     * @throws YearNotCoveredException when the rule set does not apply to the batch's year (unless a what-if)
     * @throws RuleFailure when a rule fails; nothing more is told after it
     */
    public <R, E extends Exception> void stream(int year, RecordSource<E> source, DecisionListener<R> listener) throws E {
        if (!anyYear && !rules.years().includes(year)) {
            throw new YearNotCoveredException(rules, year);
        }
        DecisionAssembler assembler = new DecisionAssembler(rules);
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dvk-evaluate");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<List<Result<R>>>> inFlight = new ArrayDeque<>();
            Map<String, List<Indexed<Nomination>>> candidates = new LinkedHashMap<>();
            int chunkSize = FIRST_CHUNK;
            int chunksStarted = 0;
            List<ValidatedRecord> chunk = new ArrayList<>(chunkSize);
            for (ValidatedRecord record = source.next(); ; record = source.next()) {
                if (record != null) chunk.add(record);
                if (chunk.size() == chunkSize || (record == null && !chunk.isEmpty())) {
                    List<ValidatedRecord> work = chunk;
                    // the first chunk on this thread: its decisions come out before reading ahead and the
                    // pool's threads compete with it (and with the JIT) for the cores
                    inFlight.add(run(chunksStarted++ == 0 ? null : pool, () -> evaluateChunk(year, work, assembler, listener)));
                    chunkSize = Math.min(CHUNK, 2 * chunkSize);
                    chunk = new ArrayList<>(chunkSize);
                }
                // keep a few chunks ahead of the writer, never the whole batch
                while (!inFlight.isEmpty() && (record == null || inFlight.size() > 2 * threads || inFlight.peek().isDone())) {
                    tell(get(inFlight.poll()), listener, candidates);
                }
                if (record == null) break;
            }
            resolveQuota(year, candidates, pool, assembler, listener);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** One record's result: a prepared decision, a nomination waiting for the quota, or a rejection. */
    private record Result<R>(ValidatedRecord record, Decision decision, R prepared) {}

    private <R> List<Result<R>> evaluateChunk(int year, List<ValidatedRecord> chunk, DecisionAssembler assembler,
                                             DecisionListener<R> listener) {
        List<Indexed<Nomination>> nominations = new ArrayList<>(chunk.size());
        for (ValidatedRecord record : chunk) {
            if (record instanceof AcceptedRecord accepted) nominations.add(accepted.indexed());
        }
        Map<String, SessionFacts> facts = nominations.isEmpty() ? Map.of() : RuleSession.evaluate(rules, year,
                "records " + chunk.get(0).index() + "–" + chunk.get(chunk.size() - 1).index(), nominations);
        List<Result<R>> results = new ArrayList<>(chunk.size());
        for (ValidatedRecord record : chunk) {
            if (record instanceof AcceptedRecord accepted) {
                SessionFacts own = facts.getOrDefault(accepted.nomination().id(), SessionFacts.none());
                if (!own.quotaCandidates().isEmpty()) {
                    results.add(new Result<>(record, null, null));
                    continue;
                }
                Decision decision = assembler.assemble(accepted.indexed(), own);
                results.add(new Result<>(record, decision, listener.prepare(decision)));
            } else {
                results.add(new Result<>(record, null, null));
            }
        }
        return results;
    }

    private static <R> void tell(List<Result<R>> results, DecisionListener<R> listener,
                                 Map<String, List<Indexed<Nomination>>> candidates) {
        for (Result<R> result : results) {
            if (result.record() instanceof RejectedRecord rejected) {
                listener.rejected(rejected);
            } else if (result.decision() != null) {
                listener.decided(result.decision(), result.prepared());
            } else {
                AcceptedRecord pending = (AcceptedRecord) result.record();
                candidates.computeIfAbsent(pending.nomination().district(), d -> new ArrayList<>()).add(pending.indexed());
                listener.pending(pending.index(), pending.nomination());
            }
        }
    }

    /** One district's quota candidates, waiting for their session. */
    private record District(String name, List<Indexed<Nomination>> candidates) {}

    /**
     * Each district's quota candidates together in one session. A district's decisions are told as
     * soon as it is done, a few districts at a time, so they are never all held at once. The
     * sessions at once hold at most {@link #QUOTA_CANDIDATES_AT_ONCE} candidates between them, or a
     * larger district alone: a session holds about 30 KB a candidate, so the busiest districts of a
     * large batch, side by side on every core, would otherwise need the sum of their sessions.
     */
    private <R> void resolveQuota(int year, Map<String, List<Indexed<Nomination>>> candidates, ExecutorService pool,
                                  DecisionAssembler assembler, DecisionListener<R> listener) {
        Deque<District> waiting = new ArrayDeque<>(candidates.size());
        candidates.forEach((name, nominations) -> waiting.add(new District(name, nominations)));
        candidates.clear(); // a district's nominations are needed only by its own session now
        Deque<Future<List<Result<R>>>> inFlight = new ArrayDeque<>();
        int candidatesInFlight = 0;
        while (!waiting.isEmpty() || !inFlight.isEmpty()) {
            while (!waiting.isEmpty() && inFlight.size() < 2 * threads && (inFlight.isEmpty()
                    || candidatesInFlight + waiting.peek().candidates().size() <= QUOTA_CANDIDATES_AT_ONCE)) {
                District district = waiting.poll();
                candidatesInFlight += district.candidates().size();
                inFlight.add(run(pool, () -> quotaSession(year, district, assembler, listener)));
            }
            List<Result<R>> done = get(inFlight.poll());
            candidatesInFlight -= done.size();
            done.forEach(r -> listener.resolved(r.decision(), r.prepared()));
        }
    }

    private <R> List<Result<R>> quotaSession(int year, District district, DecisionAssembler assembler,
                                             DecisionListener<R> listener) {
        Map<String, SessionFacts> facts = RuleSession.evaluate(rules, year,
                "quota candidates of district \"" + district.name() + "\"", district.candidates());
        List<Result<R>> results = new ArrayList<>(district.candidates().size());
        for (Indexed<Nomination> n : district.candidates()) {
            Decision decision = assembler.assemble(n, facts.getOrDefault(n.value().id(), SessionFacts.none()));
            results.add(new Result<>(new AcceptedRecord(n.index(), n.value()), decision, listener.prepare(decision)));
        }
        return results;
    }

    private static <T> Future<T> run(ExecutorService pool, Callable<T> task) {
        if (pool != null) return pool.submit(task);
        try {
            return CompletableFuture.completedFuture(task.call());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuleFailure failure) throw failure;
            throw new RuleFailure("?", "evaluation failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleFailure("?", "evaluation interrupted", e);
        }
    }
}
