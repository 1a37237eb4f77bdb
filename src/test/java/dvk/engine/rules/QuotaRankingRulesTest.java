package dvk.engine.rules;

import static dvk.testing.NominationBuilder.model;
import static dvk.testing.TestRules.decision;
import static dvk.testing.TestRules.failed;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.EvaluationYear;
import dvk.domain.Level;
import dvk.engine.Evaluation;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleSet;
import dvk.testing.NominationBuilder;
import dvk.testing.RulesCopy;
import dvk.testing.TestRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The district quota's ranking, in both rule sets: each district's CITY_MODEL candidates ranked once
 * by score, then beneficiaries (both descending), then id (ascending), and the best 3 awarded.
 */
class QuotaRankingRulesTest {
    private static final String TITLE = "CITY_MODEL";

    /** A rule set and the year of its batches; {@link #candidate} meets every CITY_MODEL criterion there. */
    record Policy(String name, RuleSet rules, int year) {
        NominationBuilder candidate(String id) {
            // from 2026 the prerequisite is a commune recognition in Y-3…Y-1, in place of a district model
            return year < 2026 ? model(id) : model(id).prior(year - 1, Level.COMMUNE, "COMMUNE_MODEL");
        }

        Evaluation evaluate(List<NominationBuilder> nominations) {
            return TestRules.evaluate(rules, year, nominations.toArray(NominationBuilder[]::new));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Both rule sets as the build precompiled them, and the first compiled from its DRL now (as edited
     * rules are): each compiled once per JVM, not once per test.
     */
    static Stream<Policy> policies() {
        return Stream.of(new Policy("rules/2024-2025", TestRules.standard(), 2024),
                new Policy("rules/2026", TestRules.ruleSet("2026").rules(), 2026),
                new Policy("rules/2024-2025, compiled now", TestRules.compiledNow("2024-2025").rules(), 2024));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void tiesOnScoreAreBrokenByBeneficiariesThenByIdAscending(Policy policy) {
        Evaluation e = policy.evaluate(List.of(
                policy.candidate("C").beneficiaries(5_000),
                policy.candidate("D").beneficiaries(9_000).approval("80"),   // approval 10 points: score 90
                policy.candidate("A").beneficiaries(5_000),
                policy.candidate("B").beneficiaries(8_000)));
        assertThat(decision(e, "D").score().total()).isEqualTo(90);
        assertThat(place(e, "B")).isEqualTo("rank 1 in Gia Lâm");   // 100 points, the most beneficiaries
        assertThat(place(e, "A")).isEqualTo("rank 2 in Gia Lâm");   // 100 points, 5,000: "A" before "C"
        assertThat(place(e, "C")).isEqualTo("rank 3 in Gia Lâm");
        assertThat(place(e, "D")).isEqualTo("rank 4 in Gia Lâm");   // the most beneficiaries, but 90 points
        assertThat(failed(decision(e, "D"), TITLE)).containsExactly("district-quota");
    }

    /**
     * Sixty candidates of three scores, beneficiaries and ids in no order, with ties on both: each is
     * told its place in the order of the reference policy, and exactly the first three are awarded.
     */
    @ParameterizedTest
    @MethodSource("policies")
    void exactlyTheQuotaIsAwardedAndEveryCandidateIsToldItsPlace(Policy policy) {
        List<NominationBuilder> batch = new ArrayList<>();
        String[] approvals = {"95", "85", "75"};                        // 20, 10 and 5 points: 100, 90 and 85
        for (int i = 0; i < 60; i++) {
            int shuffled = (i * 37) % 60;
            batch.add(policy.candidate(String.format("Q-%02d", shuffled)).approval(approvals[i % 3])
                    .beneficiaries(5_000 + 100L * (shuffled % 7)));
        }
        Evaluation e = policy.evaluate(batch);
        List<Decision> bestFirst = e.decisions().stream()
                .sorted(Comparator.comparingInt((Decision d) -> -d.score().total())
                        .thenComparingLong(d -> -d.nomination().beneficiaries())
                        .thenComparing(d -> d.nomination().id()))
                .toList();
        for (int place = 1; place <= bestFirst.size(); place++) {
            Decision d = bestFirst.get(place - 1);
            assertThat(place(e, d.nomination().id())).as(d.nomination().id()).isEqualTo("rank " + place + " in Gia Lâm");
            assertThat(d.holds(TITLE)).as(d.nomination().id()).isEqualTo(place <= 3);
        }
        assertThat(e.count(TITLE)).isEqualTo(3);
    }

    /** A nomination that fails another CITY_MODEL criterion is no candidate: it takes no place, and has none. */
    @ParameterizedTest
    @MethodSource("policies")
    void aNominationFailingAnotherCriterionTakesNoPlace(Policy policy) {
        Evaluation e = policy.evaluate(List.of(
                policy.candidate("A-1").replicationSites(2).beneficiaries(20_000),   // fails min-replication-sites
                policy.candidate("A-2").violation(policy.year()).beneficiaries(20_000),  // fails eligibility
                policy.candidate("Q1"), policy.candidate("Q2"), policy.candidate("Q3"),
                policy.candidate("Q4").beneficiaries(4_999)));
        assertThat(failed(decision(e, "A-1"), TITLE)).containsExactly("min-replication-sites");
        assertThat(failed(decision(e, "A-2"), TITLE)).containsExactly("no-recent-violation");
        assertThat(quotaOutcome(decision(e, "A-1"))).isEmpty();
        assertThat(quotaOutcome(decision(e, "A-2"))).isEmpty();
        assertThat(place(e, "Q1")).isEqualTo("rank 1 in Gia Lâm");
        assertThat(place(e, "Q3")).isEqualTo("rank 3 in Gia Lâm");
        assertThat(place(e, "Q4")).isEqualTo("rank 4 in Gia Lâm");
        assertThat(e.decisions()).filteredOn(d -> d.holds(TITLE)).extracting(d -> d.nomination().id())
                .containsExactly("Q1", "Q2", "Q3");
    }

    /**
     * A district of many candidates is sorted once, not again for each candidate that joins it: the
     * ranking rule fires a handful of times at most, however many candidates there are.
     */
    @ParameterizedTest
    @MethodSource("policies")
    void aDistrictOfManyCandidatesIsRankedOnce(Policy policy) {
        KieSession session = policy.rules().kieBase().newKieSession();
        Map<String, Integer> firings = new HashMap<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
            }
        });
        try {
            session.insert(new EvaluationYear(policy.year()));
            for (int i = 0; i < 500; i++) {
                session.insert(policy.candidate(String.format("M-%03d", i)).beneficiaries(5_000 + i % 17).build());
            }
            session.fireAllRules();
            assertThat(firings.get("city-model: district quota")).isEqualTo(500);
            assertThat(firings.get("city-model: district ranking")).isBetween(1, 2);
        } finally {
            session.dispose();
        }
    }

    /** The order and the quota are the rule's: editing them there is the whole change. */
    @Test
    void theOrderAndTheQuotaAreStatedInTheRule(@TempDir Path temp) throws Exception {
        RulesCopy edited = RulesCopy.of(temp)
                .replace("city-model.drl", "Rank.By.SCORE_DESCENDING, Rank.By.BENEFICIARIES_DESCENDING",
                        "Rank.By.BENEFICIARIES_DESCENDING, Rank.By.SCORE_DESCENDING")
                .replace("city-model.drl", "$r.placeOf($c.nominationId()), 3)", "$r.placeOf($c.nominationId()), 2)");
        RuleSet rules = new RuleCompiler().compile(edited.directory());
        Evaluation e = TestRules.evaluate(rules, 2024,
                model("A"), model("B"), model("C").beneficiaries(9_000).approval("80"));
        assertThat(decision(e, "C").score().total()).isEqualTo(90);
        assertThat(place(e, "C")).isEqualTo("rank 1 in Gia Lâm");      // beneficiaries first now
        assertThat(place(e, "B")).isEqualTo("rank 3 in Gia Lâm");
        assertThat(quotaOutcome(decision(e, "B")).orElseThrow().required()).isEqualTo("rank <= 2 (district quota)");
        assertThat(e.decisions()).filteredOn(d -> d.holds(TITLE)).extracting(d -> d.nomination().id())
                .containsExactly("A", "C");
    }

    private static String place(Evaluation e, String id) {
        return quotaOutcome(decision(e, id)).map(CriterionOutcome::actual)
                .orElseThrow(() -> new AssertionError(id + " has no district-quota outcome"));
    }

    private static Optional<CriterionOutcome> quotaOutcome(Decision d) {
        return d.outcomes().stream().filter(o -> o.criterion().equals("district-quota")).findFirst();
    }
}
