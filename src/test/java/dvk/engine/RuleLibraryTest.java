package dvk.engine;

import static dvk.testing.NominationBuilder.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.domain.Level;
import dvk.testing.RulesCopy;
import dvk.testing.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Year-bound rule sets: each declares its years; a batch is evaluated only by the rule set of its year. */
class RuleLibraryTest {
    @TempDir
    Path temp;

    @Test
    void theRepositoryHoldsOneRuleSetPerEraAndPicksItByYear() throws Exception {
        RuleLibrary library = RuleLibrary.open(Path.of("rules"));
        assertThat(library.ruleSets()).extracting(RuleLibrary.Entry::label)
                .containsExactly("rules/2024-2025", "rules/2026");
        assertThat(library.forYear(2024).label()).isEqualTo("rules/2024-2025");
        assertThat(library.forYear(2025).label()).isEqualTo("rules/2024-2025");
        assertThat(library.forYear(2026).label()).isEqualTo("rules/2026");
        assertThat(library.forYear(2031).label()).isEqualTo("rules/2026");
    }

    @Test
    void aYearNoRuleSetCoversIsAnErrorListingEachSetsYears() throws Exception {
        RuleLibrary library = RuleLibrary.open(Path.of("rules"));
        assertThatThrownBy(() -> library.forYear(2019))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).isEqualTo("rules: no rule set applies to 2019:"
                                + " rules/2024-2025 applies to 2024–2025; rules/2026 applies to 2026 onwards")));
    }

    @Test
    void evaluatingABatchOutsideTheRuleSetsYearsIsRefused() {
        RuleSet rules2024 = TestRules.standard();
        assertThatThrownBy(() -> TestRules.evaluate(rules2024, 2026, model("M")))
                .isInstanceOf(YearNotCoveredException.class)
                .hasMessage("rules/2024-2025 applies to 2024–2025 (Hà Nội, three levels of local government:"
                        + " district and city titles); the batch's year is 2026");
        assertThat(TestRules.evaluate(rules2024, 2025, model("M")).decisions()).hasSize(1);
    }

    @Test
    void aWhatIfEvaluatesAnyYear() {
        var batch = new dvk.domain.Batch(2026, java.util.List.of(new dvk.domain.Indexed<>(0, model("M").build())),
                java.util.List.of());
        assertThat(new Evaluator(TestRules.standard()).whatIf().evaluate(batch).decisions()).hasSize(1);
    }

    @Test
    void the2026RulesHaveNoDistrictTitlesAndNeedACommuneRecognitionForTheCityModel() throws Exception {
        RuleSet rules2026 = new RuleCompiler().compile(Path.of("rules/2026"));
        assertThat(rules2026.titles()).extracting(t -> t.code())
                .containsExactly("CITY_MODEL", "CITY_BANG_KHEN", "CITY_WORK_SIGN");
        var recognized = model("M").noPriors().prior(2024, Level.COMMUNE, "COMMUNE_MODEL");
        var decision = TestRules.evaluate(rules2026, 2026, recognized).decisions().get(0);
        assertThat(TestRules.titles(decision)).contains("CITY_MODEL");
        var onlyDistrict = model("M").noPriors().prior(2024, Level.DISTRICT, "DISTRICT_MODEL");
        var refused = TestRules.evaluate(rules2026, 2026, onlyDistrict).decisions().get(0);
        assertThat(TestRules.titles(refused)).doesNotContain("CITY_MODEL");
        assertThat(TestRules.failed(refused, "CITY_MODEL")).containsExactly("commune-recognition");
        assertThat(TestRules.failure(refused, "CITY_MODEL", "commune-recognition").required())
                .isEqualTo("a COMMUNE recognition in 2023–2025");
    }

    @Test
    void overlappingYearsAreAnError() throws Exception {
        Path library = Files.createDirectories(temp.resolve("library"));
        Files.move(RulesCopy.of(temp.resolve("a")).directory(), library.resolve("a"));
        Files.move(RulesCopy.of(temp.resolve("b"))
                .write("ruleset.json", "{\"name\": \"b\", \"years\": {\"from\": 2025}}").directory(), library.resolve("b"));
        assertThatThrownBy(() -> RuleLibrary.open(library, "library"))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).isEqualTo("library/b/ruleset.json: years 2025"
                                + " onwards overlap those of library/a (2024–2025): each year needs exactly one rule set")));
    }

    @Test
    void aRuleSetWithoutYearsIsAnErrorNamingTheFile() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).delete("ruleset.json");
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).endsWith("/ruleset.json");
                            assertThat(p.message()).startsWith("not found: a rule set declares the years");
                        }));
    }

    @Test
    void aRuleSetFileThatDoesNotParseIsOneLineNamingTheFile() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("ruleset.json", "{\"name\": \"x\", \"years\": {\"from\": \"2024\"}}");
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).isEqualTo(rules.shown("ruleset.json")
                                + ": years.from: expected a year from 1 to 9999, got \"2024\"")));
    }
}
