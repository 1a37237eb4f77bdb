package dvk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.testing.RulesCopy;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each lint, on a copy of the 2024–2025 rules with one fault put in. */
class RuleLintTest {
    private static final String SCORE_RULE = "district-model: score";
    private static final String SCORE_CHECK = "    insertLogical(Check.atLeast(kcontext, $s.nominationId(), $s.total(), 60));";

    @TempDir
    Path temp;

    static Stream<Arguments> unsafeCalls() {
        return Stream.of(
                Arguments.of("System.exit(1);", "System"),
                Arguments.of("System.getenv(\"HOME\");", "System"),
                Arguments.of("java.lang.System.out.println(\"x\");", "java.lang.System"),
                Arguments.of("Runtime.getRuntime().exec(\"rm -rf /\");", "Runtime"),
                Arguments.of("new ProcessBuilder(\"ls\").start();", "ProcessBuilder"),
                Arguments.of("new Thread(() -> {}).start();", "Thread"),
                Arguments.of("Class.forName(\"dvk.domain.Nomination\");", "Class"),
                Arguments.of("$s.getClass().getDeclaredMethods();", "getClass"),
                Arguments.of("Thread.currentThread().getContextClassLoader();", "Thread"),
                Arguments.of("new java.io.File(\"/tmp/x\").delete();", "java.io.File"),
                Arguments.of("java.nio.file.Files.deleteIfExists(null);", "java.nio.file.Files"),
                Arguments.of("new java.net.Socket(\"example.org\", 80);", "java.net.Socket"),
                Arguments.of("java.lang.reflect.Array.newInstance(String.class, 1);", "java.lang.reflect.Array"),
                Arguments.of("kcontext.getKieRuntime().halt();", "getKieRuntime"),
                Arguments.of("exit(0);", "exit"),
                // ways past a line-by-line reading, found in review
                Arguments.of("new java.util.Formatter(\"/tmp/x\").close();", "java.util.Formatter"),
                Arguments.of("dvk.io.AtomicFile.write(null, null);", "dvk.io.AtomicFile"),
                Arguments.of("dvk.cli.Main.main(new String[0]);", "dvk.cli.Main"),
                Arguments.of("jdk.\n    jshell.JShell.create();", "jdk.jshell.JShell"),
                Arguments.of("String s = \"\\u0022; System.exit(1); //\";", "unicode escape"),
                Arguments.of("String s = \"\"\"\n    x\n    \"\"\";", "text block"),
                Arguments.of("Object o = String.class;", ".class"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeCalls")
    void anUnsafeCallInAConsequenceIsAnErrorNamingFileLineAndRule(String call, String named) {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl", SCORE_CHECK, SCORE_CHECK + "\n    " + call);
        int line = rules.lineOf("district-model.drl", call.split("\n")[0]);
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(rules.shown("district-model.drl"));
                            assertThat(p.line()).isEqualTo(line);
                            assertThat(p.rule()).isEqualTo(SCORE_RULE);
                            assertThat(p.message()).startsWith("unsafe").contains(named);
                        }));
    }

    static Stream<Arguments> unsafeDeclarations() {
        return Stream.of(
                Arguments.of("import java.io.File;", "java.io.File"),
                Arguments.of("import java.nio.file.Files;", "java.nio.file.Files"),
                Arguments.of("import java.net.URL;", "java.net.URL"),
                Arguments.of("import java.lang.reflect.Method;", "java.lang.reflect.Method"),
                Arguments.of("import static java.lang.System.exit;", "java.lang.System.exit"),
                Arguments.of("import java.util.concurrent.Executors;", "java.util.concurrent.Executors"),
                Arguments.of("import org.kie.api.runtime.KieSession;", "org.kie.api.runtime.KieSession"),
                Arguments.of("global java.io.PrintStream out;", "global"),
                Arguments.of("import dvk.domain.Level; function void f() { new java.io.FileWriter(\"/tmp/x\"); }",
                        "java.io.FileWriter"),
                Arguments.of("dialect \"mvel\"", "mvel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeDeclarations")
    void anUnsafeImportOrGlobalIsAnError(String declaration, String named) {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl", "import dvk.domain.Award;",
                declaration + "\nimport dvk.domain.Award;");
        int line = rules.lineOf("district-model.drl", declaration);
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.toString()).startsWith(rules.shown("district-model.drl") + ":" + line + ": unsafe");
                            assertThat(p.message()).contains(named);
                        }));
    }

    @Test
    void wordsInCommentsCitationsAndRuleNamesAreNotCode() throws Exception {
        RulesCopy rules = RulesCopy.of(temp)
                .replace("district-model.drl", SCORE_CHECK, SCORE_CHECK + "\n    // never System.exit(1) here")
                .replace("district-model.drl", "@cite(\"dvk reference policy (100-point scale)\")",
                        "@cite(\"dvk reference policy (100-point scale); System, Thread and File are words here\")");
        RuleSet compiled = new RuleCompiler().compile(rules.directory());
        assertThat(compiled.ruleCount()).isEqualTo(new RuleCompiler().compile(RulesCopy.of(temp.resolve("b")).directory()).ruleCount());
    }

    @Test
    void twoRulesWithOneIdAreAnError() {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl", "@id(\"district-model.min-score\")",
                "@id(\"district-model.months-running\")");
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(rules.shown("district-model.drl"));
                            assertThat(p.line()).isEqualTo(rules.lineOf("district-model.drl", "rule \"" + SCORE_RULE + "\""));
                            assertThat(p.message()).contains("@id \"district-model.months-running\" is also used by rule"
                                    + " \"district-model: months running\"");
                        }));
    }

    @Test
    void aTitleCodeInAConditionThatTheTitlesDataLacksIsAnError() {
        RulesCopy rules = RulesCopy.of(temp).replace("district-giay-khen.drl",
                "Award(nominationId == $n.id, title == \"DISTRICT_MODEL\")",
                "Award(nominationId == $n.id, title == \"DISTRICT_MODLE\")");
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(rules.shown("district-giay-khen.drl"));
                            assertThat(p.line()).isEqualTo(rules.lineOf("district-giay-khen.drl", "DISTRICT_MODLE"));
                            assertThat(p.rule()).isEqualTo("district-giay-khen: district model this year");
                            assertThat(p.message()).isEqualTo("title DISTRICT_MODLE is not in titles.json");
                        }));
    }

    @Test
    void aTitleThatNoRuleAwardsIsAWarning() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).delete("city-bang-khen.drl");
        RuleSet compiled = new RuleCompiler().compile(rules.directory());
        assertThat(compiled.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(rules.shown("titles.json"));
            assertThat(w.line()).isEqualTo(rules.lineOf("titles.json", "\"CITY_BANG_KHEN\""));
            assertThat(w.message()).contains("CITY_BANG_KHEN").contains("no rule awards it");
        });
    }

    @Test
    void aThresholdCopiedIntoAnAwardRuleIsAWarning() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl",
                "    $n : Nomination(type == NominationType.MODEL)\n    exists CriterionOutcome(nominationId == $n.id, title == \"DISTRICT_MODEL\")",
                "    $n : Nomination(type == NominationType.MODEL, approvalPercent >= 70)\n    exists CriterionOutcome(nominationId == $n.id, title == \"DISTRICT_MODEL\")");
        RuleSet compiled = new RuleCompiler().compile(rules.directory());
        assertThat(compiled.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(rules.shown("district-model.drl"));
            assertThat(w.line()).isEqualTo(rules.lineOf("district-model.drl", "approvalPercent >= 70"));
            assertThat(w.rule()).isEqualTo("district-model");
            assertThat(w.message()).contains("threshold 70 for approvalPercent repeats rule \"district-model: community approval\"");
        });
    }

    @Test
    void oneCriterionCheckedInTwoRulesIsAWarning() throws Exception {
        RulesCopy rules = RulesCopy.of(temp);
        rules.write("copy.drl", """
                package dvk.rules;
                import dvk.domain.Score;
                import dvk.engine.rulekit.Check;

                rule "copied score check"
                    @id("copy.min-score") @title("DISTRICT_MODEL") @criterion("min-score")
                    @cite("dvk reference policy")
                when
                    $s : Score()
                then
                    insertLogical(Check.atLeast(kcontext, $s.nominationId(), $s.total(), 60));
                end
                """);
        RuleSet compiled = new RuleCompiler().compile(rules.directory());
        assertThat(compiled.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(rules.shown("district-model.drl"));
            assertThat(w.rule()).isEqualTo(SCORE_RULE);
            assertThat(w.message()).contains("threshold 60 for total repeats rule \"copied score check\" (copy.drl:11)");
        });
    }

    @Test
    void theShippedRuleSetsHaveNoWarnings() throws Exception {
        for (RuleLibrary.Entry set : RuleLibrary.open(Path.of("rules")).ruleSets()) {
            assertThat(new RuleCompiler().compile(set).warnings()).as(set.label()).isEmpty();
        }
    }
}
