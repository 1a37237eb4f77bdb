package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.RulesCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * titles.json names the criteria each title requires (and those every title requires): a title
 * awarded without one of them is refused by check, and by evaluation when no rule produced its
 * outcome for a nomination.
 */
class RequiredCriteriaTest {
    private static final String SAMPLE = "fixtures/samples/gia-lam-2024.json";
    private static final String CITY_MODEL_SCORE_RULE = """
            rule "city-model: score"
                @id("city-model.min-score")
                @title("CITY_MODEL") @criterion("min-score")
                @cite("dvk reference policy (100-point scale)")
            when
                $s : Score()
            then
                insertLogical(Check.atLeast(kcontext, $s.nominationId(), $s.total(), 80));
            end
            """;

    @TempDir
    Path temp;

    @Test
    void aRequiredCriterionWithoutItsRuleIsAnErrorAtTheTitlesLine() {
        RulesCopy rules = RulesCopy.of(temp).replace("city-model.drl", CITY_MODEL_SCORE_RULE, "");
        CommandRun check = CommandRun.of("check", "--rules", rules.directory().toString());
        assertThat(check.exitCode()).isEqualTo(ExitCodes.RULES);
        int line = lineAfter(rules, "\"CITY_MODEL\"", "\"requires\"");
        assertThat(check.out()).contains("error: " + rules.shown("titles.json") + ":" + line
                + ": CITY_MODEL requires min-score, but no rule checks it (a rule with @title(\"CITY_MODEL\")"
                + " @criterion(\"min-score\")): the title would be awarded without it");
        CommandRun evaluate = CommandRun.of("evaluate", SAMPLE, "--rules", rules.directory().toString());
        assertThat(evaluate.exitCode()).isEqualTo(ExitCodes.RULES);
        assertThat(evaluate.out()).isEmpty();
        assertThat(evaluate.err()).contains("CITY_MODEL requires min-score, but no rule checks it");
    }

    @Test
    void anEligibilityCriterionWithoutItsRuleIsAnError() {
        RulesCopy rules = RulesCopy.of(temp).replace("eligibility.drl", "@criterion(\"already-running\")",
                "@criterion(\"already-runing\")");
        CommandRun check = CommandRun.of("check", "--rules", rules.directory().toString());
        assertThat(check.exitCode()).isEqualTo(ExitCodes.RULES);
        assertThat(check.out())
                .contains("error: " + rules.shown("titles.json") + ":" + rules.lineOf("titles.json", "\"everyTitleRequires\"")
                        + ": every title requires already-running, but no rule checks it")
                .contains("error: " + rules.shown("eligibility.drl") + ":"
                        + rules.lineOf("eligibility.drl", "rule \"eligibility: already running")
                        + " rule \"eligibility: already running on the reference date\": criterion already-runing of every"
                        + " title is not in everyTitleRequires of titles.json");
    }

    @Test
    void aCriterionNoTitleRequiresIsAnErrorAtItsRule() {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl", "@criterion(\"min-approval\")",
                "@criterion(\"min-aproval\")");
        CommandRun check = CommandRun.of("check", "--rules", rules.directory().toString());
        assertThat(check.exitCode()).isEqualTo(ExitCodes.RULES);
        assertThat(check.out()).contains("error: " + rules.shown("district-model.drl") + ":"
                + rules.lineOf("district-model.drl", "rule \"district-model: community approval\"")
                + " rule \"district-model: community approval\": criterion min-aproval is not among those titles.json"
                + " requires of DISTRICT_MODEL [months-running, min-score, min-approval, commune-recognition]");
        // and the title's own requirement, now checked by no rule, is named too
        assertThat(check.out()).contains("DISTRICT_MODEL requires min-approval, but no rule checks it");
    }

    @Test
    void dataWithoutRequirementsOrWithAMisspeltListIsAnError() {
        RulesCopy missing = RulesCopy.of(temp.resolve("a"));
        missing.write("titles.json", missing.read("titles.json").replaceFirst(
                "\n      \"requires\": \\[\"months-running\", \"min-score\", \"min-approval\", \"commune-recognition\"\\]", "")
                .replaceFirst("\"for\": \"MODEL\",\n    \\}", "\"for\": \"MODEL\"\n    }"));
        CommandRun run = CommandRun.of("check", "--rules", missing.directory().toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.RULES);
        assertThat(run.out()).contains("titles[0].requires: required list is missing: the criteria title DISTRICT_MODEL requires");
        RulesCopy misspelt = RulesCopy.of(temp.resolve("b")).replace("titles.json", "\"everyTitleRequires\"", "\"everyTitleRequire\"");
        CommandRun typo = CommandRun.of("check", "--rules", misspelt.directory().toString());
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.RULES);
        assertThat(typo.out()).contains("everyTitleRequire: unknown field");
    }

    @Test
    void anAwardWithoutAnOutcomeOfARequiredCriterionIsARuleFailureNeverAnAward() throws Exception {
        // score.drl emptied: no Score, so no min-score outcome, which would never fail; check cannot see it
        RulesCopy rules = RulesCopy.of(temp).write("score.drl", "package dvk.rules;\n");
        String dir = rules.directory().toString();
        Path out = temp.resolve("decisions.json");
        CommandRun evaluate = CommandRun.of("evaluate", SAMPLE, "--rules", dir, "--out", out.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isEqualTo(ExitCodes.RULES);
        assertThat(evaluate.err()).containsPattern("rule \"district-model\" awarded DISTRICT_MODEL to nomination GL-2024-\\d+"
                + " without an outcome for min-score, which titles.json requires of DISTRICT_MODEL")
                .contains("nothing was written");
        assertThat(Files.exists(out)).isFalse();
        CommandRun verify = CommandRun.of("verify", "--rules", dir, "fixtures/regression/gia-lam-2024.json");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.RULES);
        assertThat(verify.err()).contains("without an outcome for min-score");
    }

    /** The first line holding {@code needle} after the line holding {@code after}. */
    private static int lineAfter(RulesCopy rules, String after, String needle) {
        String[] lines = rules.read("titles.json").split("\n", -1);
        for (int i = rules.lineOf("titles.json", after); i < lines.length; i++) {
            if (lines[i].contains(needle)) return i + 1;
        }
        throw new AssertionError(needle + " not after " + after);
    }
}
