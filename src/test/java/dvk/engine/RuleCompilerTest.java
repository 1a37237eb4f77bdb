package dvk.engine;

import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static dvk.testing.TestRules.titles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.domain.Decision;
import dvk.testing.RulesCopy;
import dvk.testing.TestRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCompilerTest {
    @TempDir
    Path temp;

    @Test
    void theRepositoryRulesCompileWithMetadataForEveryRule() {
        RuleSet rules = TestRules.standard();
        assertThat(rules.ruleCount()).isGreaterThan(30);
        assertThat(rules.rulesById().values()).allSatisfy(r -> {
            assertThat(r.id()).isNotBlank();
            assertThat(r.cite()).isNotBlank();
            assertThat(r.file()).endsWith(".drl");
            assertThat(r.line()).isPositive();
        });
        assertThat(rules.awardedTitles()).extracting(t -> t.code()).containsExactly("DISTRICT_MODEL",
                "DISTRICT_GIAY_KHEN", "CITY_MODEL", "CITY_BANG_KHEN", "DISTRICT_WORK_SIGN", "CITY_WORK_SIGN");
        assertThat(rules.fingerprint()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void aSyntaxErrorNamesFileLineAndRule() {
        RulesCopy rules = RulesCopy.of(temp)
                .replace("city-model.drl", "$s : Score()\nthen", "$s : Score(total >>> )\nthen");
        int line = rules.lineOf("city-model.drl", "total >>>");
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    RuleProblem first = e.problems().get(0);
                    assertThat(first.file()).isEqualTo(rules.shown("city-model.drl"));
                    assertThat(first.line()).isEqualTo(line);
                    assertThat(first.rule()).isEqualTo("city-model: score");
                    assertThat(first.column()).isEqualTo(rules.read("city-model.drl").split("\n")[line - 1].indexOf(" )") + 2);
                    assertThat(first.toString()).startsWith(rules.shown("city-model.drl") + ":" + line + ":" + first.column()
                            + " rule \"city-model: score\": ");
                    assertThat(first.said()).extracting(RuleProblem.Said::key).containsExactly("rules.compile.unexpected");
                });
    }

    @Test
    void aTypeErrorInAConsequenceNamesTheRule() {
        RulesCopy rules = RulesCopy.of(temp)
                .replace("district-model.drl", "$m.months(), 12)", "$m.monthz(), 12)");
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo(rules.shown("district-model.drl"));
                            assertThat(p.rule()).isEqualTo("district-model: months running");
                        }));
    }

    @Test
    void twoRulesWithOneNameAreAnError() {
        RulesCopy rules = RulesCopy.of(temp);
        rules.write("extra.drl", rules.read("city-work-sign.drl").replace("\"city-work-sign\"", "\"city-work-sign-2\"")
                .replace("@id(\"city-work-sign.", "@id(\"copy.").replace("@awards(\"CITY_WORK_SIGN\")", ""));
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.message()).containsIgnoringCase("duplicate")));
    }

    @Test
    void aRuleWithoutIdOrCiteIsAnError() {
        RulesCopy rules = RulesCopy.of(temp)
                .replace("score.drl", "    @id(\"score.replication\")\n", "")
                .replace("city-work-sign.drl", "    @cite(\"Decision 32/2024/QĐ-UBND (gắn biển công trình); dvk reference policy\")\nwhen\n    $n : Nomination(type == NominationType.WORK)\n    $m", "when\n    $n : Nomination(type == NominationType.WORK)\n    $m");
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::toString)
                        .contains(rules.shown("city-work-sign.drl") + ":" + rules.lineOf("city-work-sign.drl", "rule \"city-work-sign: months in use\"")
                                        + " rule \"city-work-sign: months in use\": missing @cite",
                                rules.shown("score.drl") + ":" + rules.lineOf("score.drl", "rule \"score: replication sites\"")
                                        + " rule \"score: replication sites\": missing @id"));
    }

    @Test
    void aCriterionRuleNeedsBothTitleAndCriterion() {
        RulesCopy rules = RulesCopy.of(temp).replace("city-model.drl", "@title(\"CITY_MODEL\") @criterion(\"min-score\")",
                "@title(\"CITY_MODEL\")");
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(rules.shown("city-model.drl"));
                            assertThat(p.line()).isEqualTo(rules.lineOf("city-model.drl", "rule \"city-model: score\""));
                            assertThat(p.rule()).isEqualTo("city-model: score");
                            assertThat(p.message()).contains("@title needs @criterion");
                        }));
    }

    @Test
    void rulesDirectoriesAreNamedRelativeToTheWorkingDirectory() {
        assertThat(RuleCompiler.label(Path.of("rules"))).isEqualTo("rules");
        assertThat(RuleCompiler.label(Path.of("rules").toAbsolutePath())).isEqualTo("rules");
        assertThat(RuleCompiler.label(Path.of("./fixtures/../rules"))).isEqualTo("rules");
    }

    @Test
    void aTitleMissingFromTheTitlesDataIsAnError() {
        RulesCopy rules = RulesCopy.of(temp).replace("city-bang-khen.drl", "@awards(\"CITY_BANG_KHEN\")", "@awards(\"CITY_BANGKHEN\")");
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::message).contains("title CITY_BANGKHEN is not in titles.json"));
    }

    @Test
    void aMissingOrEmptyRulesDirectoryIsOneClearProblem() {
        assertThatThrownBy(() -> new RuleCompiler().compile(temp.resolve("nowhere")))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).isEqualTo("rules directory not found")));
        assertThatThrownBy(() -> new RuleCompiler().compile(temp))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("no .drl rule files")));
    }

    @Test
    void titlesDataThatDoesNotParseNamesTheFile() {
        RulesCopy rules = RulesCopy.of(temp).write("titles.json", "{ \"titles\": [ { \"code\": ");
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(rules.shown("titles.json"));
                            assertThat(p.message()).startsWith("not valid JSON");
                        }));
    }

    @Test
    void deletingATitlesRuleFileMakesTheTitleVanish() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).delete("district-giay-khen.drl");
        RuleSet without = new RuleCompiler().compile(rules.directory());
        Decision d = TestRules.evaluate(without, 2024, model("M")).decisions().get(0);
        assertThat(titles(TestRules.decide(model("M")))).contains("DISTRICT_GIAY_KHEN");
        assertThat(titles(d)).containsExactlyInAnyOrder("DISTRICT_MODEL", "CITY_MODEL", "CITY_BANG_KHEN");
        assertThat(d.notAwarded()).noneMatch(n -> n.title().equals("DISTRICT_GIAY_KHEN"));
        assertThat(without.awardedTitles()).noneMatch(t -> t.code().equals("DISTRICT_GIAY_KHEN"));
    }

    @Test
    void withoutTheCitySignRuleAWorkGetsTheDistrictSign() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).delete("city-work-sign.drl");
        Decision d = TestRules.evaluate(new RuleCompiler().compile(rules.directory()), 2024, work("W"))
                .decisions().get(0);
        assertThat(titles(d)).containsExactly("DISTRICT_WORK_SIGN");
        assertThat(d.notAwarded()).isEmpty();
    }
}
