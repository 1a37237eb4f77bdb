package dvk.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.engine.RuleCompiler;
import dvk.engine.RuleInfo;
import dvk.testing.EveryRuleSetWith;
import dvk.testing.RuleVerifier;
import dvk.testing.RuleVerifier.RuleUnderTest;
import dvk.testing.RulesCopy;
import dvk.testing.TestRuleSet;
import dvk.testing.TestRules;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.commons.support.ReflectionSupport;

/** The rule tests of this package reach every criterion of every rule set, and notice a threshold that moves. */
class RuleTestsCoverageTest {

    /** A criterion rule, copied into a new rule set or added to one, cannot go untested. */
    @Test
    void everyCriterionRuleOfEveryRuleSetHasATest() {
        Set<String> tested = new TreeSet<>();
        for (Class<?> test : ReflectionSupport.findAllClassesInPackage(getClass().getPackageName(), c -> true, n -> true)) {
            for (Method method : test.getDeclaredMethods()) {
                EveryRuleSetWith rule = method.getAnnotation(EveryRuleSetWith.class);
                if (rule != null) tested.add(rule.value());
            }
        }
        List<String> untested = new ArrayList<>();
        for (TestRuleSet rules : TestRules.all()) {
            for (RuleInfo rule : rules.rules().rulesById().values()) {
                if (rule.criterion() != null && !tested.contains(rule.id())) untested.add(rules.name() + ": " + rule.id());
            }
        }
        assertThat(TestRules.all()).extracting(TestRuleSet::name).containsExactly("rules/2024-2025", "rules/2026");
        assertThat(untested).as("criterion rules without a test naming them in @EveryRuleSetWith").isEmpty();
    }

    /**
     * The tests of a threshold, run on a copy of rules/2026 where it moved. Raised, the test of the
     * threshold met exactly fails; lowered, the test of it missed by one passes the nomination; and
     * either way the required value that test expects is no longer the rule's.
     */
    @Test
    void theTestsOfAThresholdFailWhenItMoves(@TempDir Path temp) throws Exception {
        RulesCopy original = RulesCopy.of(temp.resolve("original"), "2026");
        // with the eligibility rules, which every title awarded requires (titles.json)
        RulesCopy copy = RulesCopy.dataOnly(temp, "2026")
                .write("eligibility.drl", original.read("eligibility.drl"))
                .write("city-bang-khen.drl", original.read("city-bang-khen.drl"))
                .write("city-model.drl", original.read("city-model.drl"))
                .replace("city-bang-khen.drl", "$s.total(), 90)", "$s.total(), 91)")
                .replace("city-model.drl", "$s.total(), 80)", "$s.total(), 79)");
        RuleVerifier verifier = RuleVerifier.verifier(new RuleCompiler().compile(copy.directory()));

        RuleUnderTest raised = verifier.rule("city-bang-khen.min-score");
        CityBangKhenRulesTest bangKhen = new CityBangKhenRulesTest();
        assertThatThrownBy(() -> bangKhen.aBangKhenNeedsNinetyPoints(raised))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but it failed: M failed min-score: 90, required >= 91");
        assertThatThrownBy(() -> bangKhen.eightyNineIsNotEnough(raised))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but it failed: M failed min-score: 89, required >= 91");

        RuleUnderTest lowered = verifier.rule("city-model.min-score");
        CityModelRulesTest cityModel = new CityModelRulesTest();
        assertThatThrownBy(() -> cityModel.seventyNineIsNotEnough(lowered))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but it passed: M passed min-score: 79, required >= 79");
    }
}
