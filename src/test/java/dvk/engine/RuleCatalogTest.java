package dvk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.engine.RuleCatalog.Entry;
import dvk.engine.RuleCatalog.Kind;
import dvk.testing.RulesCopy;
import dvk.testing.TestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCatalogTest {
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+\"([^\"]*)\"");

    @TempDir
    Path temp;

    private static RuleCatalog standard() throws RulesException {
        return RuleCatalog.of(TestRules.standard(), RuleSources.read(TestRules.RULES));
    }

    /** 1-based line of the first line of {@code file} containing {@code text}, read here, not by the catalog. */
    private static int lineOf(Path directory, String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(directory.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) return i + 1;
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void aCriterionShowsItsTitleRequirementCitationAndWhereItIsWritten() throws Exception {
        Entry months = standard().entry("district-model.months-running");
        assertThat(months).isNotNull();
        assertThat(months.kind()).isEqualTo(Kind.CRITERION);
        assertThat(months.title()).isEqualTo("DISTRICT_MODEL");
        assertThat(months.criterion()).isEqualTo("months-running");
        assertThat(months.requirement()).isEqualTo(">= 12");
        assertThat(months.cite()).isEqualTo("Movement guidance 70-KH/BDVTW (sustainable); dvk reference policy");
        assertThat(months.file()).isEqualTo("district-model.drl");
        assertThat(months.line()).isEqualTo(lineOf(TestRules.RULES, "district-model.drl",
                "rule \"district-model: months running\""));
        assertThat(months.where()).isEqualTo("district-model.drl:" + months.line());
        assertThat(months.name()).isEqualTo("district-model: months running");
    }

    @Test
    void requirementsReadTheRuleCallsAsWritten() throws Exception {
        RuleCatalog catalog = standard();
        assertThat(catalog.entry("city-model.prior-district-model").requirement()).isEqualTo("DISTRICT_MODEL in Y-3…Y-1");
        assertThat(catalog.entry("district-work-sign.people-share").requirement()).isEqualTo(">= 50% of totalValueVnd");
        assertThat(catalog.entry("city-work-sign.people-share").requirement()).isEqualTo(">= 70% of totalValueVnd");
        assertThat(catalog.entry("district-work-sign.min-total-value").requirement()).isEqualTo(">= 50,000,000");
        assertThat(catalog.entry("city-model.district-quota").requirement()).isEqualTo("rank <= 3 in the district");
        assertThat(catalog.entry("city-model.district-ranking").requirement())
                .isEqualTo("ranked by score descending, then beneficiaries descending, then id ascending");
        assertThat(catalog.entry("district-giay-khen.no-repeat").requirement()).isEqualTo("no DISTRICT_GIAY_KHEN in Y-2…Y-1");
        assertThat(catalog.entry("district-model.commune-recognition").requirement())
                .isEqualTo("a COMMUNE recognition in Y or before");
        assertThat(catalog.entry("city-bang-khen.city-model-awarded").requirement()).isEqualTo("CITY_MODEL awarded this year");
        assertThat(catalog.entry("eligibility.no-recent-violation").requirement()).isEqualTo("no violation in Y-1…Y");
        assertThat(catalog.entry("eligibility.complete-dossier.work").requirement())
                .isEqualTo("documents: report, confirmation, acceptance");
        assertThat(catalog.entry("measures").requirement()).isEqualTo("values: 200,000");
        assertThat(catalog.entry("measures").kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void scoreRulesShowTheirBands() throws Exception {
        RuleCatalog catalog = standard();
        Entry months = catalog.entry("score.months");
        assertThat(months.kind()).isEqualTo(Kind.SCORE);
        assertThat(months.criterion()).isEqualTo("months");
        assertThat(months.requirement()).isEqualTo(">= 12: 10 pts · >= 24: 15 pts · >= 36: 20 pts");
        assertThat(catalog.entry("score.resources").requirement()).isEqualTo(
                ">= 50,000,000: 5 pts · >= 100,000,000: 10 pts · >= 500,000,000: 15 pts · >= 1,000,000,000: 20 pts");
        assertThat(catalog.entry("score.total").kind()).isEqualTo(Kind.SCORE);
        assertThat(catalog.entry("score.total").requirement())
                .isEqualTo("sum of months + resources + beneficiaries + replication + approval");
    }

    @Test
    void kindsFollowTheMetadata() throws Exception {
        RuleCatalog catalog = standard();
        assertThat(catalog.entry("eligibility.already-running").kind()).isEqualTo(Kind.ELIGIBILITY);
        assertThat(catalog.entry("eligibility.already-running").titleShown()).isEqualTo("every title");
        assertThat(catalog.entry("district-model").kind()).isEqualTo(Kind.AWARD);
        assertThat(catalog.entry("district-model").title()).isEqualTo("DISTRICT_MODEL");
        assertThat(catalog.entry("district-work-sign.one-sign-per-work").kind()).isEqualTo(Kind.WITHHOLDS);
        assertThat(catalog.entry("district-work-sign.one-sign-per-work").title()).isEqualTo("DISTRICT_WORK_SIGN");
        assertThat(catalog.entry("district-work-sign.one-sign-per-work").requirement())
                .isEqualTo("withheld when CITY_WORK_SIGN is awarded");
        assertThat(catalog.entry("city-model.quota-candidate").kind()).isEqualTo(Kind.OTHER);
        assertThat(catalog.entry("city-model.quota-candidate").requirement())
                .isEqualTo("no criterion of CITY_MODEL failed (eligibility included), except district-quota");
    }

    @Test
    void aTitleListsItsCriteriaThenItsAwardRuleLast() throws Exception {
        RuleCatalog catalog = standard();
        List<Entry> districtModel = catalog.forTitle("DISTRICT_MODEL");
        assertThat(districtModel).extracting(Entry::id).containsExactly("district-model.months-running",
                "district-model.min-score", "district-model.min-approval", "district-model.commune-recognition",
                "district-model");
        assertThat(districtModel.get(districtModel.size() - 1).requirement())
                .contains("no criterion of DISTRICT_MODEL failed");
        List<Entry> workSign = catalog.forTitle("DISTRICT_WORK_SIGN");
        assertThat(workSign.get(workSign.size() - 1).kind()).isEqualTo(Kind.AWARD);
        assertThat(workSign.get(workSign.size() - 2).kind()).isEqualTo(Kind.WITHHOLDS);
    }

    @Test
    void everyRuleOfTheSetAppearsExactlyOnceInTheOrderItIsWritten() throws Exception {
        RuleCatalog catalog = standard();
        // the rule declarations, read here from the files (by name, then line)
        List<String> declared = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestRules.RULES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher m = RULE_LINE.matcher(line);
                    if (m.find()) declared.add(m.group(1));
                }
            }
        }
        assertThat(catalog.rules()).extracting(Entry::name).containsExactlyElementsOf(declared);
        assertThat(catalog.rules()).extracting(Entry::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(TestRules.standard().rulesById().keySet());
        assertThat(catalog.rules()).isSortedAccordingTo(
                Comparator.comparing(Entry::file).thenComparingInt(Entry::line));
        assertThat(catalog.rules()).allSatisfy(e -> {
            assertThat(e.cite()).isNotBlank();
            assertThat(e.ruleSet()).isEqualTo(TestRules.standard().source());
        });
        assertThat(catalog.titles()).isEqualTo(TestRules.standard().titles());
        assertThat(catalog.years()).isEqualTo(TestRules.standard().years());
    }

    @Test
    void changingAThresholdInTheRuleFileChangesTheCatalog() throws Exception {
        RulesCopy copy = RulesCopy.of(temp)
                .replace("district-model.drl", "$m.months(), 12)", "$m.months(), 18)")
                .replace("score.drl", "Band.of(24, 15)", "Band.of(30, 15)")
                .replace("city-model.drl", "\"DISTRICT_MODEL\", $y - 3, $y - 1", "\"DISTRICT_MODEL\", $y - 2, $y - 2");
        RuleSet compiled = new RuleCompiler().compile(copy.directory(), "copy");
        RuleCatalog catalog = RuleCatalog.of(compiled, RuleSources.read(copy.directory(), "copy"));
        assertThat(catalog.entry("district-model.months-running").requirement()).isEqualTo(">= 18");
        assertThat(catalog.entry("score.months").requirement()).isEqualTo(">= 12: 10 pts · >= 30: 15 pts · >= 36: 20 pts");
        assertThat(catalog.entry("city-model.prior-district-model").requirement()).isEqualTo("DISTRICT_MODEL in Y-2");
        assertThat(catalog.source()).isEqualTo("copy");
    }

    @Test
    void aRuleMovedInItsFileMovesItsLine() throws Exception {
        RulesCopy copy = RulesCopy.of(temp)
                .replace("district-model.drl", "package dvk.rules;", "package dvk.rules;\n\n// moved down\n");
        RuleSet compiled = new RuleCompiler().compile(copy.directory(), "copy");
        RuleCatalog catalog = RuleCatalog.of(compiled, RuleSources.read(copy.directory(), "copy"));
        assertThat(catalog.entry("district-model.months-running").line())
                .isEqualTo(copy.lineOf("district-model.drl", "rule \"district-model: months running\""))
                .isEqualTo(standard().entry("district-model.months-running").line() + 3);
    }

    @Test
    void sourcesEditedAfterCompilingAreRefused() throws Exception {
        RulesCopy copy = RulesCopy.of(temp);
        RuleSet compiled = new RuleCompiler().compile(copy.directory(), "copy");
        copy.replace("district-model.drl", "$m.months(), 12)", "$m.months(), 18)");
        assertThatThrownBy(() -> RuleCatalog.of(compiled, RuleSources.read(copy.directory(), "copy")))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("changed");
    }

    @Test
    void theNewerRuleSetReadsItsRangeOfCommuneRecognition() throws Exception {
        Path dir = Path.of("rules/2026");
        RuleLibrary.Entry entry = RuleLibrary.open(dir).ruleSets().get(0);
        RuleCatalog catalog = RuleCatalog.read(entry, new RuleCompiler().compile(entry));
        assertThat(catalog.entry("city-model.commune-recognition").requirement())
                .isEqualTo("a COMMUNE recognition in Y-3…Y-1");
        assertThat(catalog.years().from()).isEqualTo(2026);
        assertThat(catalog.years().to()).isNull();
        assertThat(catalog.forTitle("DISTRICT_MODEL")).isEmpty();
    }
}
