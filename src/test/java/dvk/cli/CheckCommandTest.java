package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.RulesCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path temp;

    @Test
    void theRepositoryRulesAreClean() {
        CommandRun run = CommandRun.of("check", "--strict");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("rules/2024-2025: 46 rules, 6 titles, years 2024–2025: ok")
                .contains("rules/2026: ").contains("years 2026 onwards: ok");
    }

    @Test
    void warningsExitOneOnlyWithStrict() {
        RulesCopy rules = RulesCopy.of(temp).delete("city-bang-khen.drl");
        CommandRun lenient = CommandRun.of("check", "--rules", rules.directory().toString());
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("warning: " + rules.shown("titles.json") + ":"
                + rules.lineOf("titles.json", "\"CITY_BANG_KHEN\"") + ": title CITY_BANG_KHEN is in the titles data");
        assertThat(CommandRun.of("check", "--strict", "--rules", rules.directory().toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void errorsExitFourAndEvaluateVerifyAndDiffRefuseTheSameRules() {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl",
                "    insertLogical(Check.atLeast(kcontext, $s.nominationId(), $s.total(), 60));",
                "    insertLogical(Check.atLeast(kcontext, $s.nominationId(), $s.total(), 60));\n    System.exit(3);");
        String dir = rules.directory().toString();
        String where = rules.shown("district-model.drl") + ":" + rules.lineOf("district-model.drl", "System.exit")
                + " rule \"district-model: score\": unsafe call System";
        CommandRun check = CommandRun.of("check", "--rules", dir);
        assertThat(check.exitCode()).isEqualTo(4);
        assertThat(check.out()).contains("error: " + where);
        String sample = "fixtures/samples/gia-lam-2024.json";
        for (CommandRun refused : new CommandRun[] {
                CommandRun.of("evaluate", sample, "--rules", dir),
                CommandRun.of("verify", "--rules", dir),
                CommandRun.of("diff", "--base", "rules", "--rules", dir, sample)}) {
            assertThat(refused.exitCode()).isEqualTo(4);
            assertThat(refused.err()).contains(where);
        }
    }

    @Test
    void aMissingOrEmptyRulesDirectoryIsOneLine() throws Exception {
        CommandRun missing = CommandRun.of("check", "--rules", temp.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err().lines().filter(l -> l.startsWith("  "))).singleElement()
                .satisfies(l -> assertThat(l).endsWith("nowhere: rules directory not found"));
        Path empty = Files.createDirectories(temp.resolve("empty"));
        CommandRun none = CommandRun.of("check", "--rules", empty.toString());
        assertThat(none.exitCode()).isEqualTo(4);
        assertThat(none.err()).contains("empty: no rule sets here");
    }

    @Test
    void aSyntaxErrorAndABadTitlesFileNameTheirFile() {
        RulesCopy syntax = RulesCopy.of(temp.resolve("a")).replace("city-model.drl", "$s : Score()\nthen",
                "$s : Score(total >>> )\nthen");
        CommandRun run = CommandRun.of("check", "--rules", syntax.directory().toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("error: " + syntax.shown("city-model.drl") + ":"
                + syntax.lineOf("city-model.drl", "total >>>") + ":26 rule \"city-model: score\": unexpected \")\" here");
        RulesCopy titles = RulesCopy.of(temp.resolve("b")).write("titles.json", "{ \"titles\": [ { \"code\": ");
        CommandRun bad = CommandRun.of("check", "--rules", titles.directory().toString());
        assertThat(bad.exitCode()).isEqualTo(4);
        assertThat(bad.out()).contains("error: " + titles.shown("titles.json") + ":1: not valid JSON");
        assertThat(bad.out() + bad.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aHeaderCommentStatingANumberNoRuleRequiresAnyMoreIsAWarning() {
        RulesCopy rules = RulesCopy.of(temp).replace("city-model.drl", "$r.placeOf($c.nominationId()), 3)",
                "$r.placeOf($c.nominationId()), 2)");
        CommandRun run = CommandRun.of("check", "--rules", rules.directory().toString());
        assertThat(run.exitCode()).isZero();
        // the file still uses 3 (replication sites, Y-3): the words "per district" tie the number to the quota
        assertThat(run.out()).contains("warning: " + rules.shown("city-model.drl") + ":1: the header comment says 3 (\"at most"
                + " 3 per district\"), but no rule of the file requires 3 any more: city-model.district-quota requires"
                + " rank <= 2; update the comment");
    }

    @Test
    void aCriterionBothRuleSetsHaveButRequireDifferentlyIsNoted() throws Exception {
        Path library = Files.createDirectories(temp.resolve("library"));
        Files.move(RulesCopy.of(temp.resolve("a")).replace("city-model.drl", "$s.total(), 80)", "$s.total(), 85)")
                .directory(), library.resolve("2024-2025"));
        Files.move(RulesCopy.of(temp.resolve("b"), "2026").directory(), library.resolve("2026"));
        CommandRun run = CommandRun.of("check", "--strict", "--rules", library.toString());
        assertThat(run.exitCode()).as("a note, not a warning").isZero();
        String label = dvk.engine.RuleCompiler.label(library);
        assertThat(run.out()).contains("note: city-model.min-score (CITY_MODEL, min-score) differs between rule sets: "
                + label + "/2024-2025 >= 85; " + label + "/2026 >= 80\n");
        assertThat(run.out().lines().filter(l -> l.startsWith("note:"))).hasSize(1);
    }
}
