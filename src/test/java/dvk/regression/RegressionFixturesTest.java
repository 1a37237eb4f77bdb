package dvk.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dvk.engine.RuleLibrary;
import dvk.engine.RulesException;
import dvk.engine.YearlyRules;
import dvk.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture in fixtures/regression/ holds with the repository's rules. */
class RegressionFixturesTest {
    static final Path FIXTURES = Path.of("fixtures/regression");
    /** What `dvk verify` runs: each fixture with the rule set of its batch's year. */
    static final FixtureSuite SUITE = new FixtureSuite(new YearlyRules(library()));

    static RuleLibrary library() {
        try {
            return RuleLibrary.open(Path.of("rules"));
        } catch (RulesException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureHolds(Path file) throws Exception {
        FixtureSuite.Result result = SUITE.run(file);
        if (!result.holds()) {
            fail(result.mismatches().size() + " mismatches in " + file + ":\n" + MismatchTable.format(result.mismatches()));
        }
    }

    @Test
    void thereAreFixturesToRun() throws IOException {
        assertThat(fixtures()).extracting(p -> p.getFileName().toString())
                .contains("gia-lam-2024.json", "boundaries-2024.json", "quota-2024.json", "rejects-2024.json",
                        "gia-lam-2026.json");
    }

    @Test
    void aCriteriaChangeFailsTheSampleFixtureWithAReadableDiff(@TempDir Path temp) throws Exception {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl", "$m.months(), 12)", "$m.months(), 18)");
        Fixture sample = Fixture.load(FIXTURES.resolve("gia-lam-2024.json"));
        List<Mismatch> mismatches = new FixtureRunner(new YearlyRules(RuleLibrary.open(rules.directory()))).run(sample);
        assertThat(mismatches).isNotEmpty()
                .anySatisfy(m -> {
                    assertThat(m.title()).isEqualTo("DISTRICT_MODEL");
                    assertThat(m.expected()).isEqualTo("awarded");
                    assertThat(m.got()).isEqualTo("not awarded");
                    assertThat(m.reasons()).contains("months-running").contains(">= 18");
                });
        String table = MismatchTable.format(mismatches);
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("fixture").contains("nomination")
                .contains("expected").contains("got");
        assertThat(table).contains("gia-lam-2024");
    }
}
