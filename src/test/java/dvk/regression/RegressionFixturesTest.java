package dvk.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dvk.engine.RuleCompiler;
import dvk.testing.RulesCopy;
import dvk.testing.TestRules;
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

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureHolds(Path file) throws Exception {
        Fixture fixture = Fixture.load(file);
        assertThat(fixture.expected()).as("a fixture expects something").isNotEmpty();
        List<Mismatch> mismatches = new FixtureRunner(TestRules.standard()).run(fixture);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " mismatches in " + file + ":\n" + MismatchTable.format(mismatches));
        }
    }

    @Test
    void thereAreFixturesToRun() throws IOException {
        assertThat(fixtures()).extracting(p -> p.getFileName().toString())
                .contains("gia-lam-2024.json", "boundaries-2024.json", "quota-2024.json", "rejects-2024.json");
    }

    @Test
    void aCriteriaChangeFailsTheSampleFixtureWithAReadableDiff(@TempDir Path temp) throws Exception {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl", "$m.months(), 12)", "$m.months(), 18)");
        Fixture sample = Fixture.load(FIXTURES.resolve("gia-lam-2024.json"));
        List<Mismatch> mismatches = new FixtureRunner(new RuleCompiler().compile(rules.directory())).run(sample);
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
