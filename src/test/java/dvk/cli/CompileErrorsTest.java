package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.RulesCopy;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule file that does not compile, as check (and every command) reports it: the line and column
 * that are wrong, what was expected in English and in Vietnamese, and the line with a caret; never
 * Drools' own words, and never the next rule for a missing "end". Each case is real broken DRL: one
 * edit of a copy of rules/2024-2025.
 */
class CompileErrorsTest {
    private static final String MONTHS_RULE = "district-model: months running";
    private static final String SCORE_RULE = "district-model: score";
    private static final String MONTHS_CHECK = "    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 12));";
    private static final String MEASURES = "    $m : Measures(nominationId == $n.id)\nthen\n" + MONTHS_CHECK;

    @TempDir
    Path temp;

    /**
     * A case: the edit of district-model.drl, the text of the line the error is on and the column
     * (1-based; 0: just after the line's last character), the rule named, the words in English and
     * in Vietnamese.
     */
    record Case(String name, String from, String to, String line, int column, String rule, String english, String vietnamese) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                new Case("missing end", MONTHS_CHECK.replace("$n.id(), $m.months(), 12", "$s.nominationId(), $s.total(), 60") + "\nend\n",
                        MONTHS_CHECK.replace("$n.id(), $m.months(), 12", "$s.nominationId(), $s.total(), 60") + "\n\n",
                        "$s.total(), 60));", 0, SCORE_RULE,
                        "missing \"end\" after rule \"district-model: score\" (which begins on line 26): every rule ends"
                                + " with a line \"end\"",
                        "thiếu \"end\" sau luật \"district-model: score\" (bắt đầu ở dòng 26)"),
                new Case("missing end of the file's last rule", "    insertLogical(Grant.title(kcontext, $n.id()));\nend\n",
                        "    insertLogical(Grant.title(kcontext, $n.id()));\n", "Grant.title(kcontext, $n.id()));", 0,
                        "district-model", "missing \"end\" after rule \"district-model\"", "thiếu \"end\" sau luật \"district-model\""),
                new Case("missing ) in a condition", MEASURES, MEASURES.replace("$n.id)", "$n.id"), "Measures(nominationId == $n.id",
                        0, MONTHS_RULE, "missing \")\" to close \"Measures(\" (opened on line 21, column 18)",
                        "thiếu \")\" để đóng \"Measures(\" (mở ở dòng 21, cột 18)"),
                new Case("missing ) in an action", MONTHS_CHECK, MONTHS_CHECK.replace("12));", "12);"), "$m.months(), 12);", 68,
                        MONTHS_RULE, "missing \")\" to close \"insertLogical(\" (opened on line 23, column 18)",
                        "thiếu \")\" để đóng \"insertLogical(\""),
                new Case("missing ( in a condition", "    $s : Score()\n", "    $s : Score)\n", "$s : Score)", 15, SCORE_RULE,
                        "expected \"(\" after \"Score\": a condition is written Score(…)", "cần \"(\" sau \"Score\""),
                new Case("a type without its ( before a constraint", MEASURES, MEASURES.replace("Measures(", "Measures "),
                        "Measures nominationId", 18, MONTHS_RULE, "expected \"(\" after \"Measures\"", "cần \"(\" sau \"Measures\""),
                new Case("missing ( in an action", MONTHS_CHECK, MONTHS_CHECK.replace("insertLogical(", "insertLogical "),
                        "insertLogical Check", 18, MONTHS_RULE, "expected \"(\" after \"insertLogical\": a call is written"
                                + " insertLogical(…)", "một lời gọi được viết insertLogical(…)"),
                new Case("a ) that closes nothing", "    $s : Score()\n", "    $s : Score())\n", "$s : Score())", 17, SCORE_RULE,
                        "this \")\" closes nothing: a \"(\" is missing before it", "dấu \")\" này không đóng gì cả"),
                new Case("mismatched input", "    $n : Nomination(type == NominationType.MODEL)\n    $m : Measures(",
                        "    $n : Nomination(type = NominationType.MODEL)\n    $m : Measures(", "Nomination(type = NominationType.MODEL)",
                        26, MONTHS_RULE, "unexpected \"=\" here", "\"=\" không đúng chỗ ở đây"),
                new Case("then misspelt", "    $s : Score()\nthen\n", "    $s : Score()\nthne\n", "thne", 1, SCORE_RULE,
                        "expected \"then\" between the conditions and the actions of rule \"district-model: score\"; is \"thne\""
                                + " a misspelt \"then\"?", "\"thne\" có phải là \"then\" viết sai?"),
                new Case("no when", "    @cite(\"dvk reference policy (100-point scale)\")\nwhen\n",
                        "    @cite(\"dvk reference policy (100-point scale)\")\n", "$s : Score()", 5, SCORE_RULE,
                        "expected \"when\" before the conditions of rule \"district-model: score\"", "cần \"when\" trước các điều kiện"),
                new Case("unknown type", "    $s : Score()\n", "    $s : Scroe()\n", "$s : Scroe()", 10, SCORE_RULE,
                        "unknown type \"Scroe\": a condition matches a fact of the domain model (Nomination, Measures, Score, …);"
                                + " did you mean \"Score\"?", "không có kiểu \"Scroe\""),
                new Case("an action among the conditions", "    $s : Score()\nthen\n", "    $s : Score()\n    insertLogical($s);\nthen\n",
                        "insertLogical($s);", 5, SCORE_RULE, "\"insertLogical\" is an action: it belongs after \"then\", not among"
                                + " the conditions", "\"insertLogical\" là một hành động"),
                new Case("unknown method", "$m.months(), 12)", "$m.monthz(), 12)", "$m.monthz()", 55, MONTHS_RULE,
                        "Measures has no method \"monthz()\"; did you mean \"months()\"?", "Measures không có phương thức \"monthz()\""),
                new Case("unknown method of the rule kit", "Check.atLeast(kcontext, $n.id(), $m.months(), 12)",
                        "Check.atleast(kcontext, $n.id(), $m.months(), 12)", "Check.atleast", 25, MONTHS_RULE,
                        "Check has no method \"atleast()\"; did you mean \"atLeast()\"?", "có phải là \"atLeast()\"?"),
                new Case("unknown property", MEASURES, MEASURES.replace("(nominationId ==", "(nominationID =="), "nominationID ==", 19,
                        MONTHS_RULE, "Measures has no property \"nominationID\"; did you mean \"nominationId\"?",
                        "Measures không có thuộc tính \"nominationID\""),
                new Case("unknown name", MONTHS_CHECK, MONTHS_CHECK.replace("$n.id()", "$q.id()"), "$q.id()", 43, MONTHS_RULE,
                        "\"$q\" is not known here: bind it in the conditions ($x : Type(…)) before using it", "\"$q\" chưa được biết"),
                new Case("missing ;", MONTHS_CHECK, MONTHS_CHECK.replace("12));", "12))"), "$m.months(), 12))", 0, MONTHS_RULE,
                        "missing \";\" at the end of this action", "thiếu \";\" ở cuối hành động này"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsNamedAtItsLineAndColumnInPlainWords(Case broken) {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl", broken.from(), broken.to());
        CommandRun run = CommandRun.of("check", "--rules", rules.directory().toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULES);
        int line = rules.lineOf("district-model.drl", broken.line());
        String source = rules.read("district-model.drl").split("\n", -1)[line - 1];
        int column = broken.column() > 0 ? broken.column() : source.stripTrailing().length() + 1;
        List<String> lines = run.out().lines().toList();
        String where = "error: " + rules.shown("district-model.drl") + ":" + line + ":" + column + " rule \"" + broken.rule() + "\": ";
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith(where)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + where + " in:\n" + run.out())));
        assertThat(lines.get(at)).startsWith(where + broken.english());
        assertThat(lines.get(at + 1)).startsWith("    ").contains(broken.vietnamese());
        assertThat(lines.get(at + 2)).isEqualTo("    " + line + " | " + source);
        assertThat(lines.get(at + 3)).isEqualTo("    " + " ".repeat(String.valueOf(line).length()) + " | "
                + " ".repeat(column - 1) + "^");
        assertThat(run.out()).as("one error, in people's words")
                .doesNotContain("[ERR").doesNotContain("mismatched input").doesNotContain("Parser returned a null Package")
                .contains(rules.shown("").replaceAll("/$", "") + ": 1 error\n");
        assertThat(run.err()).contains("the rules have 1 error;");
    }

    @Test
    void aMissingEndNeverNamesTheNextRule() {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl",
                "$s.total(), 60));\nend\n", "$s.total(), 60));\n\n");
        CommandRun run = CommandRun.of("check", "--rules", rules.directory().toString());
        assertThat(run.out()).contains("rule \"district-model: score\"")
                .doesNotContain("district-model: community approval").doesNotContain("insertLogical'");
    }

    @Test
    void everyCommandShowsTheSameWordsAndLine() {
        RulesCopy rules = RulesCopy.of(temp).replace("district-model.drl", "$m.months(), 12)", "$m.monthz(), 12)");
        CommandRun evaluate = CommandRun.of("evaluate", "fixtures/samples/gia-lam-2024.json", "--rules", rules.directory().toString());
        assertThat(evaluate.exitCode()).isEqualTo(ExitCodes.RULES);
        int line = rules.lineOf("district-model.drl", "$m.monthz()");
        assertThat(evaluate.err()).contains("  " + rules.shown("district-model.drl") + ":" + line + ":55 rule \"" + MONTHS_RULE
                        + "\": Measures has no method \"monthz()\"; did you mean \"months()\"?\n")
                .contains("      Measures không có phương thức \"monthz()\"; có phải là \"months()\"?\n")
                .contains("      " + line + " | " + MONTHS_CHECK.replace("months()", "monthz()") + "\n");
    }

    @Test
    void aMisspeltKeywordBetweenRulesIsSaidWithTheWordsExpected() {
        RulesCopy rules = RulesCopy.of(temp).write("extra.drl", "package dvk.rules;\n\nrul \"x\"\n");
        CommandRun run = CommandRun.of("check", "--rules", rules.directory().toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULES);
        assertThat(run.out()).contains("error: " + rules.shown("extra.drl") + ":3:1: unexpected \"rul\" here; expected one of"
                + " \"package\", \"unit\", \"import\", \"global\", \"declare\", \"function\", \"rule\", \"query\"; did you mean \"rule\"?");
    }
}
