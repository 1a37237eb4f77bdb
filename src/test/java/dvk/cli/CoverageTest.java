package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.testing.RulesCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fixtures test ({@code dvk verify --coverage}) and {@code dvk check --fixtures}, which
 * with --strict requires every criterion seen passing and failing.
 */
class CoverageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** The tables of rule set {@code set}: criterion rules, award rules, thresholds. */
    private enum Table { CRITERIA, AWARDS, THRESHOLDS }

    /** The cells of the row for rule {@code rule} in a table of rule set {@code set}. */
    private static List<String> row(String out, String set, Table table, String rule) {
        String part = out.substring(out.indexOf("Coverage of " + set + " "));
        int next = part.indexOf("\nCoverage of ", 1);
        String[] tables = (next < 0 ? part : part.substring(0, next)).split("\n\n");
        return tables[1 + table.ordinal()].lines().filter(l -> l.startsWith(rule + " ")).findFirst()
                .map(l -> List.of(l.split("\\s{2,}")))
                .orElseThrow(() -> new AssertionError("no row " + rule + " for " + set + " in:\n" + out));
    }

    @Test
    void theTextListsEveryCriterionRuleAwardRuleAndThreshold() {
        CommandRun run = CommandRun.of("verify", "--coverage");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Coverage of rules/2024-2025 sha256:")
                .contains("by 4 fixtures (boundaries-2024, gia-lam-2024, quota-2024, rejects-2024): 175 nominations decided")
                .contains("by 2 fixtures (gia-lam-2026, quota-2026): 65 nominations decided");
        assertThat(row(run.out(), "rules/2024-2025", Table.CRITERIA, "district-model.months-running"))
                .containsExactly("district-model.months-running", "DISTRICT_MODEL", "months-running", "129", "6");
        assertThat(row(run.out(), "rules/2024-2025", Table.CRITERIA, "eligibility.already-running"))
                .containsExactly("eligibility.already-running", "every title", "already-running", "175", "0",
                        "passes only: a start after 31 December of the evaluation year is rejected input, never decided");
        assertThat(row(run.out(), "rules/2024-2025", Table.AWARDS, "city-bang-khen")).containsExactly("city-bang-khen", "CITY_BANG_KHEN", "42");
        assertThat(row(run.out(), "rules/2024-2025", Table.THRESHOLDS, "district-model.months-running"))
                .containsExactly("district-model.months-running", "months", ">= 12", "B-DM-MONTHS-AT (boundaries-2024)",
                        "B-DM-MONTHS-BELOW (boundaries-2024)");
        // scores are multiples of 5: no nomination can sit one point below a score threshold
        assertThat(row(run.out(), "rules/2024-2025", Table.THRESHOLDS, "district-model.min-score"))
                .containsExactly("district-model.min-score", "total", ">= 60", "B-DM-SCORE-AT (boundaries-2024)", "—");
        assertThat(row(run.out(), "rules/2026", Table.THRESHOLDS, "city-model.district-quota"))
                .containsExactly("city-model.district-quota", "quota rank", "rank <= 3", "Q26-12 (quota-2026)", "Q26-15 (quota-2026)");
        assertThat(run.err()).startsWith("dvk: coverage of 2 rule sets by 6 fixtures → standard output (rules rules/2024-2025 sha256:");
    }

    @Test
    void jsonAndHtmlGoToAFile() throws Exception {
        Path json = temp.resolve("coverage.json");
        CommandRun run = CommandRun.of("verify", "--coverage", "--format", "json", "--out", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("→ " + json);
        JsonNode sets = JSON.readTree(json.toFile()).get("ruleSets");
        assertThat(sets).hasSize(2);
        JsonNode first = sets.get(0);
        assertThat(first.get("source").asText()).isEqualTo("rules/2024-2025");
        assertThat(first.get("fixtures")).extracting(JsonNode::asText)
                .containsExactly("boundaries-2024", "gia-lam-2024", "quota-2024", "rejects-2024");
        JsonNode months = find(first.get("criteria"), "district-model.months-running");
        assertThat(months.get("passed").asInt()).isEqualTo(129);
        assertThat(months.get("failed").asInt()).isEqualTo(6);
        assertThat(months.get("failingSeen").asBoolean()).isTrue();
        assertThat(find(first.get("awards"), "district-model").get("fired").asInt()).isEqualTo(103);
        JsonNode threshold = find(first.get("thresholds"), "city-work-sign.people-share");
        assertThat(threshold.get("requirement").asText()).isEqualTo(">= 70%");
        assertThat(threshold.at("/on/nomination").asText()).isEqualTo("B-CWS-SHARE-AT");
        assertThat(threshold.at("/oneShort/nomination").asText()).isEqualTo("B-CWS-SHARE-BELOW");
        assertThat(find(first.get("thresholds"), "district-model.min-score").get("oneShort").isNull()).isTrue();

        Path html = temp.resolve("coverage.html");
        CommandRun page = CommandRun.of("verify", "--coverage", "--format", "html", "--out", html.toString());
        assertThat(page.exitCode()).as(page.err()).isZero();
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<!DOCTYPE html>").contains("Các bộ kiểm thử kiểm tra những gì")
                .contains("<code>district-model.months-running</code>").contains("B-DM-MONTHS-BELOW (boundaries-2024)")
                .doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void formatAndOutGoWithCoverage() {
        CommandRun run = CommandRun.of("verify", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--format and --out go with --coverage");
    }

    @Test
    void checkWithFixturesWarnsOfCriteriaNeverSeenBothWaysAndStrictExitsOne() throws Exception {
        CommandRun repository = CommandRun.of("check", "--strict", "--fixtures");
        assertThat(repository.exitCode()).as(repository.out()).isZero();
        assertThat(repository.out()).doesNotContain("warning");

        Path some = Files.createDirectories(temp.resolve("some"));
        Files.copy(Path.of("fixtures/regression/quota-2024.json"), some.resolve("quota-2024.json"));
        CommandRun lenient = CommandRun.of("check", "--fixtures", some.toString());
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("warning: rules/2024-2025/district-model.drl:15: criterion months-running of"
                        + " DISTRICT_MODEL (district-model.months-running) is never seen failing in the fixtures of " + some
                        + " (15 passed, 0 failed): add a nomination that fails it")
                .contains("(city-work-sign.min-approval) is never checked")
                .contains("warning: rules/2026/city-model.drl:");
        // a criterion no decided nomination can fail is not asked to fail
        assertThat(lenient.out().lines().filter(l -> l.contains("rules/2024-2025") && l.contains("already-running"))).isEmpty();
        CommandRun strict = CommandRun.of("check", "--strict", "--fixtures", some.toString());
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void coverageMetadataIsForACriterionThatCannotPassOrFail() {
        RulesCopy rules = RulesCopy.of(temp).replace("eligibility.drl", "@coverage(\"passes only: ", "@coverage(\"rarely: ");
        CommandRun run = CommandRun.of("check", "--rules", rules.directory().toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULES);
        assertThat(run.out()).contains("rule \"eligibility: already running on the reference date\": @coverage is for a"
                + " criterion rule that no decided nomination can fail, or pass");
    }

    private static JsonNode find(JsonNode array, String rule) {
        for (JsonNode node : array) {
            if (node.get("rule").asText().equals(rule)) return node;
        }
        throw new AssertionError("no " + rule + " in " + array);
    }
}
