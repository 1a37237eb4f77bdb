package dvk.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.AnnotationConsumer;

/**
 * Runs a {@code @ParameterizedTest} once for every rule set of rules/ that has the rule with this
 * {@code @id}: a criterion both rule sets share is tested in both, a district rule only in
 * rules/2024-2025. The test takes either the rule itself, ready for its facts
 * ({@link RuleVerifier.RuleUnderTest}), or the rule set ({@link TestRuleSet}), for a whole
 * evaluation (name an award rule: {@code @EveryRuleSetWith("city-model")}).
 * <pre>
 * &#64;ParameterizedTest
 * &#64;EveryRuleSetWith("city-bang-khen.min-score")
 * void eightyNineIsNotEnough(RuleUnderTest rule) {
 *     rule.given(score("M", 89)).fails("89", "&gt;= 90");
 * }
 * </pre>
 * No rule set with the id fails the test rather than running it nowhere.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(EveryRuleSetWith.Provider.class)
public @interface EveryRuleSetWith {
    /** The rule's {@code @id}. */
    String value();

    final class Provider implements ArgumentsProvider, AnnotationConsumer<EveryRuleSetWith> {
        private String id;

        @Override
        public void accept(EveryRuleSetWith annotation) {
            id = annotation.value();
        }

        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            List<TestRuleSet> having = TestRules.all().stream().filter(r -> r.has(id)).toList();
            if (having.isEmpty()) {
                throw new AssertionError("no rule set of " + TestRules.LIBRARY + " has a rule with @id(\"" + id + "\")");
            }
            Class<?>[] parameters = context.getRequiredTestMethod().getParameterTypes();
            boolean wantsRule = parameters.length > 0 && parameters[0] == RuleVerifier.RuleUnderTest.class;
            return having.stream().map(r -> Arguments.of(wantsRule ? r.verifier().rule(id) : r));
        }
    }
}
