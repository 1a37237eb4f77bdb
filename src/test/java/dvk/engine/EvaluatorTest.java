package dvk.engine;

import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.cli.ExitCodes;
import dvk.domain.Batch;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.testing.NominationBuilder;
import dvk.testing.RulesCopy;
import dvk.testing.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluatorTest {
    private static final String LOOPING_RULE = """
            package dvk.rules;
            import dvk.domain.Nomination;

            rule "start ticking"
                @id("test.start") @cite("test")
            when
                $n : Nomination()
            then
                insert(new StringBuilder($n.id()));
            end

            rule "tick forever"
                @id("test.tick") @cite("test")
            when
                $s : StringBuilder()
            then
                delete($s);
                insert(new StringBuilder($s));
            end
            """;
    private static final String THROWING_RULE = """
            package dvk.rules;
            import dvk.domain.Nomination;

            rule "divide by beneficiaries"
                @id("test.divide") @cite("test")
            when
                $n : Nomination(beneficiaries == 0)
            then
                long perPerson = $n.fundsVnd() / $n.beneficiaries();
            end
            """;

    @TempDir
    Path temp;

    @Test
    void decisionsKeepInputOrderAcrossDistrictsAndThreads() {
        NominationBuilder[] batch = {
            model("C").district("Long Biên"), work("A").district("Gia Lâm"), model("B").district("Đông Anh"),
            model("D").district("Gia Lâm"), work("E").district("Long Biên")
        };
        for (int threads : new int[] {1, 2, 4}) {
            Evaluation e = new Evaluator(TestRules.standard(), threads).evaluate(toBatch(batch));
            assertThat(e.decisions()).extracting(d -> d.nomination().id()).containsExactly("C", "A", "B", "D", "E");
            assertThat(e.decisions()).extracting(d -> d.index()).containsExactly(0, 1, 2, 3, 4);
        }
    }

    private static Batch toBatch(NominationBuilder... builders) {
        List<Indexed<Nomination>> accepted = new ArrayList<>();
        for (NominationBuilder b : builders) accepted.add(new Indexed<>(accepted.size(), b.build()));
        return new Batch(2024, accepted, List.of());
    }

    @Test
    void aRuleThatLoopsIsStoppedByTheCapAndNamed() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("loop.drl", LOOPING_RULE);
        RuleSet ruleSet = new RuleCompiler().compile(rules.directory());
        long started = System.nanoTime();
        assertThatThrownBy(() -> TestRules.evaluate(ruleSet, 2024, model("M")))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.rule()).isEqualTo("tick forever");
                    assertThat(f.getMessage()).contains("\"tick forever\"").contains("does it loop?");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aRuleThatThrowsIsNamedWithTheNomination() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("throws.drl", THROWING_RULE);
        RuleSet ruleSet = new RuleCompiler().compile(rules.directory());
        assertThatThrownBy(() -> TestRules.evaluate(ruleSet, 2024, model("OK"), model("ZERO").beneficiaries(0)))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.rule()).isEqualTo("divide by beneficiaries");
                    assertThat(f.getMessage()).contains("nomination ZERO").contains("ArithmeticException");
                });
    }

    @Test
    void theCommandExitsFourOnAFailingRuleAndWritesNothing() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("throws.drl", THROWING_RULE);
        Path batch = temp.resolve("batch.json");
        Files.writeString(batch, """
                {"year": 2024, "nominations": [{"id": "Z", "name": "Không người hưởng lợi", "type": "MODEL",
                 "kind": "INDIVIDUAL", "field": "ECONOMIC", "sponsor": "x", "commune": "Dương Hà",
                 "district": "Gia Lâm", "city": "Hà Nội", "startDate": "2023-01-01",
                 "dossier": {"report": true, "confirmation": true}}]}""");
        Path out = temp.resolve("out.json");
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = new CommandLine(new dvk.cli.DvkCommand());
        cli.setErr(new java.io.PrintWriter(err, true));
        int code = cli.execute("evaluate", batch.toString(), "--rules", rules.directory().toString(), "--out", out.toString());
        assertThat(code).isEqualTo(ExitCodes.RULES);
        assertThat(err.toString()).contains("divide by beneficiaries").contains("nomination Z");
        assertThat(out).doesNotExist();
    }
}
