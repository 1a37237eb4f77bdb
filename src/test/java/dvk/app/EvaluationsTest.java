package dvk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.engine.RuleBuildMode;
import dvk.engine.RuleLibrary;
import dvk.engine.Evaluator;
import dvk.testing.RulesCopy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The use case under {@code dvk evaluate} and the workspace's upload, called as the web will call it. */
class EvaluationsTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json");

    @TempDir
    Path temp;

    private static EvaluationRequest request(Path input, RuleLibrary rules, DecisionFormat format) {
        return new EvaluationRequest(input, rules, format, 2, Evaluator.DEFAULT_RULE_TIMEOUT, RuleBuildMode.AUTO);
    }

    @Test
    void theSampleIsEvaluatedIntoTheDestinationWithItsCounts() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Outcome<EvaluationResult> outcome = new Evaluations().evaluate(request(SAMPLE, RuleLibrary.open(Path.of("rules")),
                DecisionFormat.JSON), content -> content.writeTo(written), EvaluationObserver.NONE);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Done.class, done -> {
            EvaluationResult result = (EvaluationResult) done.value();
            assertThat(result.tally().records()).isEqualTo(60);
            assertThat(result.tally().rejected()).isZero();
            assertThat(result.rules().source()).isEqualTo("rules/2024-2025");
        });
        assertThat(written.toString(StandardCharsets.UTF_8)).startsWith("{\n  \"year\": 2024").contains("\"GL-2024-060\"");
    }

    @Test
    void aBatchCutShortIsBrokenWithTheRecordsReadAndNothingWritten() throws Exception {
        String sample = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        Path cut = Files.writeString(temp.resolve("cut.json"), sample.substring(0, sample.indexOf("GL-2024-004")));
        boolean[] wrote = {false};
        Outcome<EvaluationResult> outcome = new Evaluations().evaluate(request(cut, RuleLibrary.open(Path.of("rules")),
                DecisionFormat.JSON), content -> wrote[0] = true, EvaluationObserver.NONE);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.InputBroken.class, broken -> {
            assertThat(broken.recordsRead()).isEqualTo(3);
            assertThat(broken.message()).contains("line");
        });
        assertThat(wrote[0]).isFalse();
    }

    @Test
    void rulesThatBreakWhatARuleMayDoAreUnusableWithTheirProblems() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("env.drl", """
                package dvk.rules;
                import dvk.domain.Nomination;
                rule "environment" @id("x.env") @cite("test")
                when $n : Nomination()
                then String home = System.getenv("HOME");
                end
                """);
        Outcome<EvaluationResult> outcome = new Evaluations().evaluate(request(SAMPLE, RuleLibrary.open(rules.directory()),
                DecisionFormat.CSV), content -> { throw new AssertionError("nothing is written"); }, EvaluationObserver.NONE);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.RulesUnusable.class, unusable ->
                assertThat(unusable.problems()).anySatisfy(p -> assertThat(p.toString()).contains("env.drl:5")));
    }

    @Test
    void phasesAreToldAsTheyEnd() throws Exception {
        java.util.List<String> phases = new java.util.ArrayList<>();
        new Evaluations().evaluate(request(SAMPLE, RuleLibrary.open(Path.of("rules")), DecisionFormat.HTML),
                content -> content.writeTo(new ByteArrayOutputStream()), new EvaluationObserver() {
                    @Override
                    public void phaseEnded(String phase) {
                        phases.add(phase);
                    }
                });
        assertThat(phases).hasSize(4);
        assertThat(phases.get(0)).startsWith("open ").endsWith("(year 2024)");
        assertThat(phases.get(1)).startsWith("build rules (precompiled executable model");
        assertThat(phases.get(2)).isEqualTo("read and evaluate 60 records");
        assertThat(phases.get(3)).isEqualTo("write the output (html)");
    }
}
