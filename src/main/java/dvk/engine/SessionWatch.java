package dvk.engine;

import dvk.domain.Nomination;
import dvk.domain.NominationFact;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

/**
 * One rule session's run under the wall-clock deadline. When the deadline passes, the run's result
 * fails at once with the rule that was running (read off the thread's stack, whose frames name the
 * classes generated for each rule) and its nomination (the match being fired), and the session is
 * asked to halt. A thread cannot be stopped: one stuck inside a rule keeps running, as a daemon,
 * until the process ends, which is why the command line exits and a server runs an evaluation it
 * does not trust in a child process that it can kill.
 */
final class SessionWatch {
    private final RuleSet rules;
    private final Duration limit;
    private final CompletableFuture<?> result;
    private volatile Thread thread;
    private volatile KieSession session;
    private volatile String scope;
    private volatile Match firing;
    private volatile String lastFired;
    private volatile long startedAt;
    private volatile boolean ended;
    private final Set<SessionWatch> running;
    private ScheduledFuture<?> alarm;

    SessionWatch(RuleSet rules, Duration limit, CompletableFuture<?> result, Set<SessionWatch> running) {
        this.rules = rules;
        this.limit = limit;
        this.result = result;
        this.running = running;
    }

    /** A watch that never fires: sessions run outside an evaluator (tests of one rule, say). */
    static SessionWatch none(RuleSet rules) {
        return new SessionWatch(rules, null, new CompletableFuture<>(), new HashSet<>());
    }

    /** The session starts on this thread: the deadline counts from now, not from when its chunk was queued. */
    void started(KieSession session, String scope, ScheduledExecutorService clock) {
        this.thread = Thread.currentThread();
        this.startedAt = System.nanoTime();
        this.session = session;
        this.scope = scope;
        running.add(this);
        if (limit != null && clock != null) {
            alarm = clock.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
        }
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                firing = event.getMatch();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                lastFired = event.getMatch().getRule().getName();
                firing = null;
            }
        });
    }

    void finished() {
        if (alarm != null) alarm.cancel(false);
        session = null;
        running.remove(this);
    }

    /**
     * A stack of the stuck thread that shows rule code, when one of a few samples does: a thread
     * deep in the engine's matching is inside a rule's constraint now and then, not always.
     */
    private StackTraceElement[] sampledStack(Thread on) {
        StackTraceElement[] stack = on.getStackTrace();
        for (int i = 0; i < 20 && ruleOnStack(stack).isEmpty() && session != null; i++) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            stack = on.getStackTrace();
        }
        return stack;
    }

    /** The work this watch was given is over, with or without a result. */
    void ended() {
        ended = true;
    }

    boolean hasEnded() {
        return ended;
    }

    /** Running longer than its deadline and {@code grace} more: its deadline did not fire. */
    boolean overdue(Duration grace) {
        return limit != null && session != null && System.nanoTime() - startedAt > limit.plus(grace).toNanos();
    }

    /** The failure for a session that is still running, named from its thread's stack. */
    RuleFailure failure(String what) {
        Thread on = thread;
        return failure(what, on == null ? new StackTraceElement[0] : sampledStack(on), null);
    }

    static String outOfMemory() {
        return "ran out of memory (the heap is " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)";
    }

    /** When this session's thread is inside a rule's code, the failure that names it for a heap that ran out. */
    Optional<RuleFailure> blameForMemory() {
        Thread on = thread;
        if (session == null || on == null) return Optional.empty();
        StackTraceElement[] stack = on.getStackTrace();
        if (ruleOnStack(stack).isEmpty() && firingRule() == null) return Optional.empty();
        return Optional.of(failure(outOfMemory(), stack, null));
    }

    private void expire() {
        KieSession live = session;
        Thread on = thread;
        if (live == null || on == null) return;
        try {
            result.completeExceptionally(failure("did not finish within " + shown(limit), sampledStack(on), null));
        } catch (OutOfMemoryError e) {
            MemoryReserve.release();
            result.completeExceptionally(new RuleFailure("?", "the rules did not finish within " + shown(limit)
                    + " and filled the heap", null));
        } finally {
            live.halt();
            on.interrupt();
        }
    }

    /**
     * A failure naming the rule: the one whose generated code is on the stack, else the one whose
     * consequence is firing; when neither (the engine matching facts), the last rule that fired.
     */
    RuleFailure failure(String what, StackTraceElement[] stack, Throwable cause) {
        String rule = ruleOnStack(stack).orElseGet(this::firingRule);
        String where = " (" + scope + nominationPart() + ")";
        if (rule != null) return new RuleFailure(rule, "rule \"" + rule + "\" " + what + where, cause);
        String last = lastFired == null ? "" : "; the last rule to fire was \"" + lastFired + "\"";
        return new RuleFailure("?", "the rules " + what + where + last, cause);
    }

    /** Names the rule whose generated code is on a stack (a rule that throws an error, or runs too long). */
    Optional<String> ruleOnStack(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            Optional<String> rule = rules.ruleOfClass(frame.getClassName());
            if (rule.isPresent()) return rule;
        }
        return Optional.empty();
    }

    /** The rule whose consequence is running, when a match is being fired. */
    String firingRule() {
        Match m = firing;
        return m == null ? null : m.getRule().getName();
    }

    /** {@code ; nomination GL-2024-017}, from the facts of the match being fired, if any. */
    String nominationPart() {
        Match m = firing;
        if (m == null) return "";
        return m.getObjects().stream().map(SessionWatch::nominationOf).filter(Objects::nonNull).findFirst()
                .map(id -> "; nomination " + id).orElse("");
    }

    static String nominationOf(Object fact) {
        if (fact instanceof Nomination n) return n.id();
        if (fact instanceof NominationFact f) return f.nominationId();
        return null;
    }

    String scope() {
        return scope;
    }

    static String shown(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
