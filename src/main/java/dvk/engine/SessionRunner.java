package dvk.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs one evaluation's rule sessions on worker threads, each under the deadline. The thread that
 * reads and tells is never inside a rule, so it can always give up on one: a rule that does not
 * finish fails the evaluation when its deadline passes, whatever the rule is doing.
 */
final class SessionRunner implements AutoCloseable {
    private final RuleSet rules;
    private final Duration limit;
    private final ExecutorService pool;
    private final ScheduledExecutorService clock;
    private static final Duration POLL = Duration.ofMillis(250);
    /** How long past its deadline a session may go before this thread gives up on it, if the deadline's thread did not. */
    private static final Duration GRACE = Duration.ofSeconds(1);
    private final Set<SessionWatch> running = ConcurrentHashMap.newKeySet();
    /** A worker ran out of heap inside the rules: a later heap failure anywhere is theirs too. */
    private volatile boolean heapRanOutInRules;

    SessionRunner(RuleSet rules, int threads, Duration limit) {
        this.rules = rules;
        this.limit = limit;
        this.pool = Executors.newFixedThreadPool(threads, daemon("dvk-evaluate"));
        this.clock = Executors.newSingleThreadScheduledExecutor(daemon("dvk-deadline"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            // a thread stuck in a rule must not keep the process alive
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs the work on a worker; its sessions run under the deadline through the watch it is given. */
    <T> Pending<T> submit(Function<Session, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        SessionWatch watch = new SessionWatch(rules, limit, result, running);
        pool.execute(() -> {
            try {
                result.complete(work.apply(new Session(watch, clock)));
            } catch (Throwable t) {
                if (t instanceof OutOfMemoryError) {
                    MemoryReserve.release();
                    heapRanOutInRules = true;
                }
                result.completeExceptionally(t);
            } finally {
                watch.ended();
            }
        });
        return new Pending<>(result, watch);
    }

    /** What a piece of work passes to {@link RuleSession#evaluate}. */
    record Session(SessionWatch watch, ScheduledExecutorService clock) {}

    /** A piece of work on its way: its result, and the watch over its session. */
    record Pending<T>(CompletableFuture<T> result, SessionWatch watch) {
        boolean isDone() {
            return result.isDone();
        }
    }

    /**
     * Waits for a piece of work. The deadline's own thread fails it when its time is up; this thread
     * checks too, a little later, in case that thread could not (a heap so full that nothing runs).
     */
    <T> T get(Pending<T> pending) {
        while (true) {
            try {
                return pending.result().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (pending.watch().overdue(GRACE)) throw pending.watch().failure("did not finish within " + SessionWatch.shown(limit));
                if (pending.watch().hasEnded() && !pending.isDone()) {
                    throw new RuleFailure("?", "the rules failed on a worker thread without a result (" + pending.watch().scope() + ")", null);
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuleFailure failure) throw failure;
                if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
                    // the rule's session is gone, and its memory with it: the failure can be named now
                    throw pending.watch().failure(cause instanceof OutOfMemoryError ? SessionWatch.outOfMemory() : "overflowed the stack",
                            cause.getStackTrace(), null);
                }
                throw new RuleFailure("?", "evaluation failed: " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuleFailure("?", "evaluation interrupted", e);
            }
        }
    }

    /**
     * The heap ran out on a thread outside the rules (reading the next record, say) while a rule
     * was running: the rule that was running is the likely cause, when one is.
     */
    Optional<RuleFailure> blame(OutOfMemoryError e) {
        MemoryReserve.release();
        try {
            for (SessionWatch watch : running) {
                Optional<RuleFailure> failure = watch.blameForMemory();
                if (failure.isPresent()) return failure;
            }
            return heapRanOutInRules ? Optional.of(OUT_OF_MEMORY) : Optional.empty();
        } catch (OutOfMemoryError again) {
            // no memory even to name the rule: a rule was running, and that is what can be said
            return running.isEmpty() && !heapRanOutInRules ? Optional.empty() : Optional.of(OUT_OF_MEMORY);
        }
    }

    /** Made before it is needed: when it is, there may be no memory to make it. */
    private static final RuleFailure OUT_OF_MEMORY = new RuleFailure("?", "the rules ran out of memory", null);

    @Override
    public void close() {
        pool.shutdownNow();
        clock.shutdownNow();
    }
}
