package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.testing.RulesCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** Each title of a rule set's titles.json, as "CODE — nameVi", read here with Jackson. */
    private static List<String> titleHeadings(Path ruleSet) throws Exception {
        List<String> headings = new ArrayList<>();
        for (JsonNode title : JSON.readTree(ruleSet.resolve("titles.json").toFile()).get("titles")) {
            headings.add("### " + title.get("code").asText() + " — " + title.get("nameVi").asText());
        }
        return headings;
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) return i + 1;
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void markdownHasATableForEveryTitleAndARowForEveryCriterion() throws Exception {
        CommandRun run = CommandRun.of("rules", "--rules", "rules", "--format", "md");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("dvk: catalog of ").contains("→ standard output (rules rules/2024-2025 sha256:");
        for (String set : List.of("rules/2024-2025", "rules/2026")) {
            assertThat(run.out()).contains("## " + set + " — ");
            assertThat(run.out()).contains(titleHeadings(Path.of(set)));
        }
        int line = lineOf(Path.of("rules/2024-2025/district-model.drl"), "rule \"district-model: months running\"");
        assertThat(run.out().lines())
                .anySatisfy(row -> assertThat(row)
                        .startsWith("| months-running | >= 12 | district-model.months-running |")
                        .endsWith("| district-model.drl:" + line + " |"));
        // the award rule comes last in its title's table, after the criteria
        String districtModel = run.out().substring(run.out().indexOf("### DISTRICT_MODEL"));
        districtModel = districtModel.substring(0, districtModel.indexOf("\n### ", 1));
        assertThat(districtModel.strip().lines().reduce((a, b) -> b).orElseThrow()).contains("| district-model |");
        assertThat(run.out()).contains("### Eligibility (every title)", "### Score", "### Other rules");
        assertThat(run.out()).contains("Years: 2024–2025 · ", "Years: 2026 onwards · ");
    }

    @Test
    void markdownIsTheDefaultFormat() {
        CommandRun run = CommandRun.of("rules", "--rules", "rules/2024-2025");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Rule catalog").contains("## rules/2024-2025 — ");
    }

    @Test
    void jsonHasBothRuleSetsWithTheirYearsAndRules() throws Exception {
        CommandRun run = CommandRun.of("rules", "--rules", "rules", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode sets = JSON.readTree(run.out()).get("ruleSets");
        assertThat(sets).hasSize(2);
        assertThat(sets.get(0).get("source").asText()).isEqualTo("rules/2024-2025");
        assertThat(sets.get(0).at("/years/from").asInt()).isEqualTo(2024);
        assertThat(sets.get(0).at("/years/to").asInt()).isEqualTo(2025);
        assertThat(sets.get(1).get("source").asText()).isEqualTo("rules/2026");
        assertThat(sets.get(1).at("/years/from").asInt()).isEqualTo(2026);
        assertThat(sets.get(1).at("/years/to").isNull()).isTrue();
        for (JsonNode set : sets) {
            assertThat(set.get("fingerprint").asText()).matches("sha256:[0-9a-f]{64}");
            assertThat(set.get("name").asText()).startsWith("Hà Nội");
            assertThat(set.get("rules").size()).isPositive();
        }
        JsonNode months = null;
        for (JsonNode rule : sets.get(0).get("rules")) {
            if (rule.get("id").asText().equals("district-model.months-running")) months = rule;
        }
        assertThat(months).isNotNull();
        assertThat(months.get("kind").asText()).isEqualTo("criterion");
        assertThat(months.get("title").asText()).isEqualTo("DISTRICT_MODEL");
        assertThat(months.get("criterion").asText()).isEqualTo("months-running");
        assertThat(months.get("requirement").asText()).isEqualTo(">= 12");
        assertThat(months.get("file").asText()).isEqualTo("district-model.drl");
        assertThat(months.get("line").asInt()).isEqualTo(
                lineOf(Path.of("rules/2024-2025/district-model.drl"), "rule \"district-model: months running\""));
        // deterministic: a second run writes the same bytes
        assertThat(CommandRun.of("rules", "--rules", "rules", "--format", "json").out()).isEqualTo(run.out());
    }

    @Test
    void outWritesTheFileAndNothingOnStandardOutput() throws Exception {
        Path file = temp.resolve("catalog/rules.md");
        CommandRun run = CommandRun.of("rules", "--rules", "rules/2024-2025", "--out", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("### DISTRICT_MODEL — Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện");
        assertThat(run.err()).contains(file.toString());
    }

    @Test
    void aSyntaxErrorExitsFourNamingTheFile() {
        RulesCopy rules = RulesCopy.of(temp)
                .replace("city-model.drl", "$s : Score()\nthen", "$s : Score(total >>> )\nthen");
        Path out = temp.resolve("catalog.md");
        CommandRun run = CommandRun.of("rules", "--rules", rules.directory().toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("the rules cannot be used").contains("city-model.drl:"
                + rules.lineOf("city-model.drl", "total >>>"));
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CommandRun run = CommandRun.of("rules", "--rules", "rules", "--format", "html");
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
