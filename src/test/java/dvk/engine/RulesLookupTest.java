package dvk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dvk.testing.RulesCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules/ is found as git finds its repository: here, else the nearest directory above; else the bundled copy. */
class RulesLookupTest {
    @TempDir
    Path temp;

    /** A library rules/ at {@code top} holding one rule set, 2024-2025. */
    private Path library(Path top) throws Exception {
        Path rules = Files.createDirectories(top.resolve("rules"));
        Files.move(RulesCopy.of(top.resolve("copy")).directory(), rules.resolve("2024-2025"));
        return rules;
    }

    @Test
    void rulesAreFoundInTheWorkingDirectoryOrTheNearestDirectoryAboveIt() throws Exception {
        library(temp);
        Path deep = Files.createDirectories(temp.resolve("fixtures/regression"));
        assertThat(RulesLookup.find(temp)).contains(temp.resolve("rules"));
        assertThat(RulesLookup.find(deep)).contains(deep.resolve("../../rules"));
        assertThat(RulesLookup.find(deep).orElseThrow().normalize()).isEqualTo(temp.resolve("rules"));
        // the nearest wins: one in between hides the top one
        Path middle = library(temp.resolve("fixtures"));
        assertThat(RulesLookup.find(deep).orElseThrow().normalize()).isEqualTo(middle);
    }

    @Test
    void aRulesDirectoryWithoutARuleSetDoesNotCount() throws Exception {
        library(temp);
        Path project = Files.createDirectories(temp.resolve("project"));
        Files.createDirectories(project.resolve("rules/notes"));
        Files.writeString(project.resolve("rules/notes/README.txt"), "not rules");
        assertThat(RulesLookup.find(project).orElseThrow().normalize()).isEqualTo(temp.resolve("rules"));
    }

    @Test
    void withNoRulesAboveTheBundledCopyIsUsed() throws Exception {
        Path alone = Files.createDirectories(temp.resolve("alone"));
        assumeTrue(RulesLookup.find(alone).isEmpty(), "a rules/ directory above the temporary directory");
        RuleLibrary library = RulesLookup.open(null, alone);
        assertThat(library.isBundled()).isTrue();
        assertThat(library.ruleSets()).extracting(RuleLibrary.Entry::label)
                .containsExactly("bundled:rules/2024-2025", "bundled:rules/2026");
    }

    @Test
    void aNamedDirectoryIsUsedWhateverIsFound() throws Exception {
        library(temp);
        RulesCopy other = RulesCopy.of(temp.resolve("elsewhere"), "2026");
        RuleLibrary library = RulesLookup.open(other.directory(), temp);
        assertThat(library.ruleSets()).singleElement()
                .satisfies(e -> assertThat(e.directory()).isEqualTo(other.directory()));
    }

    @Test
    void rulesFoundAboveAreNamedAsAPathFromTheWorkingDirectory() throws Exception {
        library(temp);
        Path deep = Files.createDirectories(temp.resolve("a/b"));
        // relative to the process's own working directory only when started there: here, by its path from deep
        RuleLibrary library = RulesLookup.open(null, deep);
        assertThat(library.isBundled()).isFalse();
        assertThat(library.ruleSets()).singleElement()
                .satisfies(e -> assertThat(e.directory().normalize()).isEqualTo(temp.resolve("rules/2024-2025")));
    }
}
