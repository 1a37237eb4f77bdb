package dvk.engine;

import dvk.domain.EvaluationYear;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates the nominations of one district in one session: the district quota compares them with
 * each other, and nothing else does, so districts are independent. Firings are capped; a rule
 * that goes past the cap (a loop) or throws stops the evaluation with its name.
 */
final class DistrictSession {
    /** Generous: our rules fire about 40 times a nomination, truth maintenance included. */
    static final int FIRINGS_PER_NOMINATION = 1_000;
    static final int BASE_FIRINGS = 10_000;

    private DistrictSession() {}

    static Map<String, SessionFacts> evaluate(RuleSet rules, int year, String district, List<Indexed<Nomination>> nominations) {
        KieSession session = rules.kieBase().newKieSession();
        Map<String, Integer> firingsByRule = new HashMap<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firingsByRule.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
            }
        });
        try {
            session.insert(new EvaluationYear(year));
            for (Indexed<Nomination> nomination : nominations) {
                session.insert(nomination.value());
            }
            int cap = BASE_FIRINGS + FIRINGS_PER_NOMINATION * nominations.size();
            int fired = session.fireAllRules(cap);
            if (fired >= cap) {
                String rule = firingsByRule.entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .map(Map.Entry::getKey).orElse("?");
                throw new RuleFailure(rule, "rules fired " + fired + " times for " + nominations.size()
                        + " nominations of district \"" + district + "\" without settling; rule \"" + rule
                        + "\" fired most (" + firingsByRule.get(rule) + " times): does it loop?", null);
            }
            return SessionFacts.collect(session.getObjects());
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
            String nomination = e.getMatch() == null ? null : e.getMatch().getObjects().stream()
                    .filter(Nomination.class::isInstance).map(o -> ((Nomination) o).id()).findFirst().orElse(null);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RuleFailure(rule, "rule \"" + rule + "\" failed"
                    + (nomination == null ? "" : " on nomination " + nomination) + ": " + cause, cause);
        } catch (RuntimeException e) {
            if (e instanceof RuleFailure failure) throw failure;
            throw new RuleFailure("?", "the rules failed in district \"" + district + "\": " + e, e);
        } finally {
            session.dispose();
        }
    }
}
