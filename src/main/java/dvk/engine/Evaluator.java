package dvk.engine;

import dvk.domain.AcceptedRecord;
import dvk.domain.Batch;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.RejectedRecord;
import dvk.domain.ValidatedRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** How long one session (a chunk, a district's quota) may run: generous, a bound, not a budget. */
    public static final Duration DEFAULT_RULE_TIMEOUT = Duration.ofSeconds(10);

    private final RuleSet rules;
    private final int threads;
    private final boolean anyYear;
    private final Duration ruleTimeout;

    private Evaluator(RuleSet rules, int threads, boolean anyYear, Duration ruleTimeout) {
        this.rules = rules;
        this.threads = Math.max(1, threads);
        this.anyYear = anyYear;
        this.ruleTimeout = ruleTimeout;
    }

    public Evaluator(RuleSet rules, int threads) {
        this(rules, threads, false, DEFAULT_RULE_TIMEOUT);
    }

    public Evaluator(RuleSet rules) {
        this(rules, Runtime.getRuntime().availableProcessors());
    }

    /** The same evaluator with another deadline for each session. */
    public Evaluator withRuleTimeout(Duration timeout) {
        return new Evaluator(rules, threads, anyYear, timeout);
    }

    /**
     * The same evaluator, evaluating batches of years its rule set does not declare: a what-if
     * ("what would last year's nominations get under the new rules?"), never a real decision.
     */
    public Evaluator whatIf() {
        return new Evaluator(rules, threads, true, ruleTimeout);
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
        return collector.evaluation(batch.year(), rules, batch.warnings());
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
        try (SessionRunner sessions = new SessionRunner(rules, threads, ruleTimeout)) {
            try {
                evaluateAll(year, source, listener, assembler, sessions);
            } catch (OutOfMemoryError e) {
                // the heap ran out on this thread, not in a rule: still a rule's doing when one was running,
                // or when a worker already ran out inside one
                throw sessions.blame(e).orElseThrow(() -> e);
            }
        }
    }

    private <R, E extends Exception> void evaluateAll(int year, RecordSource<E> source, DecisionListener<R> listener,
                                                      DecisionAssembler assembler, SessionRunner sessions) throws E {
        Deque<SessionRunner.Pending<List<Result<R>>>> inFlight = new ArrayDeque<>();
        Map<String, List<Indexed<Nomination>>> candidates = new LinkedHashMap<>();
        QuotaReview review = new QuotaReview();
        int chunkSize = FIRST_CHUNK;
        List<ValidatedRecord> chunk = new ArrayList<>(chunkSize);
        for (ValidatedRecord record = source.next(); ; record = source.next()) {
            if (record != null) chunk.add(record);
            if (chunk.size() == chunkSize || (record == null && !chunk.isEmpty())) {
                List<ValidatedRecord> work = chunk;
                // every session on a worker: this thread must stay free to give up on a rule that does not finish
                inFlight.add(sessions.submit(session -> evaluateChunk(year, work, assembler, listener, session)));
                chunkSize = Math.min(CHUNK, 2 * chunkSize);
                chunk = new ArrayList<>(chunkSize);
            }
            // keep a few chunks ahead of the writer, never the whole batch
            while (!inFlight.isEmpty() && (record == null || inFlight.size() > 2 * threads || inFlight.peek().isDone())) {
                tell(sessions.get(inFlight.poll()), listener, candidates, review);
            }
            if (record == null) break;
        }
        // every record is read: the rejected ones a quota could still miss are known before it is resolved
        listener.provisional(review.provisional());
        resolveQuota(year, candidates, sessions, assembler, listener);
    }

    /**
     * One record's result: a prepared decision, a nomination waiting for the quota (with the titles
     * it is ranked for), or a rejection.
     */
    private record Result<R>(ValidatedRecord record, Decision decision, R prepared, List<String> quotaTitles) {
        Result(ValidatedRecord record, Decision decision, R prepared) {
            this(record, decision, prepared, List.of());
        }
    }

    private <R> List<Result<R>> evaluateChunk(int year, List<ValidatedRecord> chunk, DecisionAssembler assembler,
                                             DecisionListener<R> listener, SessionRunner.Session session) {
        List<Indexed<Nomination>> nominations = new ArrayList<>(chunk.size());
        for (ValidatedRecord record : chunk) {
            if (record instanceof AcceptedRecord accepted) nominations.add(accepted.indexed());
        }
        Map<String, SessionFacts> facts = nominations.isEmpty() ? Map.of() : RuleSession.evaluate(rules, year,
                "records " + chunk.get(0).index() + "–" + chunk.get(chunk.size() - 1).index(), nominations,
                session.watch(), session.clock());
        List<Result<R>> results = new ArrayList<>(chunk.size());
        for (ValidatedRecord record : chunk) {
            if (record instanceof AcceptedRecord accepted) {
                SessionFacts own = facts.getOrDefault(accepted.nomination().id(), SessionFacts.none());
                if (!own.quotaCandidates().isEmpty()) {
                    List<String> titles = new ArrayList<>();
                    own.quotaCandidates().forEach(c -> titles.add(c.title()));
                    results.add(new Result<>(record, null, null, titles));
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
                                 Map<String, List<Indexed<Nomination>>> candidates, QuotaReview review) {
        for (Result<R> result : results) {
            if (result.record() instanceof RejectedRecord rejected) {
                review.rejected(rejected);
                listener.rejected(rejected);
            } else if (result.decision() != null) {
                listener.decided(result.decision(), result.prepared());
            } else {
                AcceptedRecord pending = (AcceptedRecord) result.record();
                candidates.computeIfAbsent(pending.nomination().district(), d -> new ArrayList<>()).add(pending.indexed());
                review.candidate(pending.nomination().district(), result.quotaTitles());
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
    private <R> void resolveQuota(int year, Map<String, List<Indexed<Nomination>>> candidates, SessionRunner sessions,
                                  DecisionAssembler assembler, DecisionListener<R> listener) {
        Deque<District> waiting = new ArrayDeque<>(candidates.size());
        candidates.forEach((name, nominations) -> waiting.add(new District(name, nominations)));
        candidates.clear(); // a district's nominations are needed only by its own session now
        Deque<SessionRunner.Pending<List<Result<R>>>> inFlight = new ArrayDeque<>();
        int candidatesInFlight = 0;
        while (!waiting.isEmpty() || !inFlight.isEmpty()) {
            while (!waiting.isEmpty() && inFlight.size() < 2 * threads && (inFlight.isEmpty()
                    || candidatesInFlight + waiting.peek().candidates().size() <= QUOTA_CANDIDATES_AT_ONCE)) {
                District district = waiting.poll();
                candidatesInFlight += district.candidates().size();
                inFlight.add(sessions.submit(session -> quotaSession(year, district, assembler, listener, session)));
            }
            List<Result<R>> done = sessions.get(inFlight.poll());
            candidatesInFlight -= done.size();
            done.forEach(r -> listener.resolved(r.decision(), r.prepared()));
        }
    }

    private <R> List<Result<R>> quotaSession(int year, District district, DecisionAssembler assembler,
                                             DecisionListener<R> listener, SessionRunner.Session session) {
        Map<String, SessionFacts> facts = RuleSession.evaluate(rules, year,
                "quota candidates of district \"" + district.name() + "\"", district.candidates(),
                session.watch(), session.clock());
        List<Result<R>> results = new ArrayList<>(district.candidates().size());
        for (Indexed<Nomination> n : district.candidates()) {
            Decision decision = assembler.assemble(n, facts.getOrDefault(n.value().id(), SessionFacts.none()));
            results.add(new Result<>(new AcceptedRecord(n.index(), n.value()), decision, listener.prepare(decision)));
        }
        return results;
    }
}
