package dvk.engine;

import dvk.domain.EvaluationYear;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates some nominations in one session and returns the facts the rules derived for each. A
 * session is bounded: past a cap of firings (a rule that loops) or of inserted facts (a rule that
 * inserts without end) it stops, and a rule that throws stops it; each names the rule.
 */
final class RuleSession {
    /** Generous: our rules fire about 40 times a nomination, truth maintenance included. */
    static final int FIRINGS_PER_NOMINATION = 1_000;
    static final int BASE_FIRINGS = 10_000;
    /** Our rules insert about 35 facts a nomination. */
    static final int FACTS_PER_NOMINATION = 2_000;
    static final int BASE_FACTS = 20_000;

    private RuleSession() {}

    /**
     * A rule that fills the heap or overflows the stack fails as a rule, named from the error's stack,
     * which reaches into the code generated for it (or from the match being fired).
     */
    private static RuleFailure backstop(Error error, SessionWatch watch) {
        if (error instanceof OutOfMemoryError) MemoryReserve.release();
        String what = error instanceof OutOfMemoryError ? SessionWatch.outOfMemory() : error instanceof StackOverflowError ? "overflowed the stack" : "failed: " + error;
        return watch.failure(what, error.getStackTrace(), error instanceof VirtualMachineError ? null : error);
    }

    /** Thrown from inside a consequence when the session holds too many facts; Drools wraps it with the rule. */
    static final class TooManyFacts extends RuntimeException {
        TooManyFacts(int cap) {
            super("more than " + cap + " facts inserted", null, false, false);
        }
    }

    /**
     * @param scope how a failure names these nominations: {@code district "Gia Lâm"}, {@code records 0–255}
     */
    static Map<String, SessionFacts> evaluate(RuleSet rules, int year, String scope, List<Indexed<Nomination>> nominations) {
        return evaluate(rules, year, scope, nominations, SessionWatch.none(rules), null);
    }

    /**
     * @param watch the deadline this session runs under, started here ({@code clock} schedules it)
     */
    static Map<String, SessionFacts> evaluate(RuleSet rules, int year, String scope, List<Indexed<Nomination>> nominations,
                                              SessionWatch watch, ScheduledExecutorService clock) {
        return evaluate(rules, year, scope, nominations, false, watch, clock);
    }

    /**
     * Counting firings by rule costs a callback per firing, so it is done only when the cap was hit: the
     * session is run again, the same way, to find the rule that fired most.
     */
    private static Map<String, SessionFacts> evaluate(RuleSet rules, int year, String scope,
                                                      List<Indexed<Nomination>> nominations, boolean countFirings,
                                                      SessionWatch watch, ScheduledExecutorService clock) {
        KieSession session = rules.kieBase().newKieSession();
        watch.started(session, scope, clock);
        Map<String, Integer> firingsByRule = new HashMap<>();
        if (countFirings) {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firingsByRule.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
                }
            });
        }
        int factCap = BASE_FACTS + FACTS_PER_NOMINATION * nominations.size();
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            private int inserted;

            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (++inserted > factCap) throw new TooManyFacts(factCap);
            }
        });
        try {
            session.insert(new EvaluationYear(year));
            for (Indexed<Nomination> nomination : nominations) {
                session.insert(nomination.value());
            }
            int cap = BASE_FIRINGS + FIRINGS_PER_NOMINATION * nominations.size();
            int fired = session.fireAllRules(cap);
            if (fired >= cap && !countFirings) {
                watch.finished();
                return evaluate(rules, year, scope, nominations, true, watch, clock);
            }
            if (fired >= cap) {
                String rule = firingsByRule.entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .map(Map.Entry::getKey).orElse("?");
                throw new RuleFailure(rule, "rules fired " + fired + " times for " + nominations.size()
                        + " nominations (" + scope + ") without settling; rule \"" + rule
                        + "\" fired most (" + firingsByRule.get(rule) + " times): does it loop?", null);
            }
            return SessionFacts.collect(session.getObjects());
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Error error) throw backstop(error, watch);
            String nomination = e.getMatch() == null ? null : e.getMatch().getObjects().stream()
                    .map(SessionWatch::nominationOf).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            String what = cause instanceof TooManyFacts ? "inserted more than " + factCap + " facts for "
                    + nominations.size() + " nominations (" + scope + "): does it insert without end?" : "failed: " + cause;
            throw new RuleFailure(rule, "rule \"" + rule + "\" " + what
                    + (nomination == null ? "" : " (nomination " + nomination + ")"), cause);
        } catch (TooManyFacts e) {
            throw new RuleFailure("?", "the rules inserted more than " + factCap + " facts for " + nominations.size()
                    + " nominations (" + scope + ")", e);
        } catch (RuntimeException e) {
            if (e instanceof RuleFailure failure) throw failure;
            throw new RuleFailure("?", "the rules failed (" + scope + "): " + e, e);
        } catch (Error e) {
            throw backstop(e, watch);
        } finally {
            watch.finished();
            session.dispose();
        }
    }
}
