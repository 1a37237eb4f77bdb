package dvk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.testing.RulesCopy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule files written to reach the machine or to never end (src/test/resources/dvk/hostile): each
 * is refused, naming the file, the line and what it may not do. Each is tried twice: through the
 * compiler as every command uses it (the text lint first, then the sandbox), and through the
 * sandbox alone, because the sandbox, not the lint, is the boundary.
 */
class HostileRulesTest {
    @TempDir
    Path temp;

    static Stream<String> hostileFiles() throws IOException, URISyntaxException {
        Path directory = Path.of(HostileRulesTest.class.getResource("/dvk/hostile").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
        }
    }

    private static String text(String file) throws IOException, URISyntaxException {
        return Files.readString(Path.of(HostileRulesTest.class.getResource("/dvk/hostile/" + file).toURI()), StandardCharsets.UTF_8);
    }

    /** What the file says it must be refused for: its {@code // refused:} line. */
    private static String expected(String text) {
        return text.lines().filter(l -> l.startsWith("// refused: ")).findFirst()
                .map(l -> l.substring("// refused: ".length()).strip())
                .orElseThrow(() -> new AssertionError("a hostile file says what it is refused for"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void theSandboxAloneRefusesItNamingFileLineAndWhat(String file) throws Exception {
        String text = text(file);
        RuleSources sources = RuleSources.read(RulesCopy.dataOnly(temp).write(file, text).directory());
        assertThatThrownBy(() -> RuleCompiler.sandboxed(sources))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.message()).contains(expected(text));
                            assertThat(p.file()).isEqualTo(file);
                            assertThat(p.line()).as("the line in " + file).isGreaterThan(0);
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void everyCommandsCompilerRefusesItBeforeAnythingRuns(String file) throws Exception {
        String text = text(file);
        RulesCopy rules = RulesCopy.dataOnly(temp).write(file, text);
        assertThatThrownBy(() -> new RuleCompiler().compile(rules.directory()))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo(rules.shown(file));
                            assertThat(p.line()).isGreaterThan(0);
                        }));
        assertThat(Path.of("/tmp/dvk-hostile")).as("nothing a hostile rule did reached the machine").doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void theMvelInterpreterIsNotOnTheClassPath() {
        // the compiler evaluates metadata with MVEL when it can; without it no rule text is ever interpreted
        assertThatThrownBy(() -> Class.forName("org.mvel2.MVEL")).isInstanceOf(ClassNotFoundException.class);
    }

    /** The rules dvk ships pass the same sandbox, so it refuses nothing they need. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedRuleSets")
    void theShippedRulesPassTheSandbox(Path ruleSet) throws Exception {
        RuleCompiler.Compiled compiled = RuleCompiler.sandboxed(RuleSources.read(ruleSet));
        assertThat(compiled.ruleOfClass()).isNotEmpty();
    }

    static List<Path> shippedRuleSets() {
        return List.of(Path.of("rules/2024-2025"), Path.of("rules/2026"));
    }
}
