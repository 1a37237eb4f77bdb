package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.regression.Expectation;
import dvk.regression.Fixture;
import dvk.testing.RulesCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "fixtures/samples/gia-lam-2024.json";
    private static final String MONTHS_12 = "$m.months(), 12)";
    private static final String MONTHS_18 = "$m.months(), 18)";

    @TempDir
    Path temp;

    /** A rules library like rules/ whose 2024–2025 set asks 18 months of a district model instead of 12. */
    private Path libraryWithEighteenMonths() throws IOException {
        Path library = Files.createDirectories(temp.resolve("rules"));
        RulesCopy changed = RulesCopy.of(temp.resolve("copy")).replace("district-model.drl", MONTHS_12, MONTHS_18);
        Files.move(changed.directory(), library.resolve("2024-2025"));
        return library;
    }

    /**
     * Worked out from the sample and its fixture, not from dvk: district models of the sample running
     * 12 to 17 months lose the title, and with it the Giấy khen that needs it.
     */
    private static Map<String, Set<String>> expectedLossesAtEighteenMonths() throws Exception {
        JsonNode sample = JSON.readTree(Path.of(SAMPLE).toFile());
        LocalDate reference = LocalDate.of(2024, 12, 31);
        Fixture fixture = Fixture.load(Path.of("fixtures/regression/gia-lam-2024.json"));
        Map<String, Set<String>> losses = new TreeMap<>();
        for (JsonNode n : sample.get("nominations")) {
            if (!n.has("startDate")) continue;
            long months = ChronoUnit.MONTHS.between(LocalDate.parse(n.get("startDate").asText()), reference);
            Expectation expected = fixture.expected().get(n.get("id").asText());
            if (months < 18 && expected.awards().contains("DISTRICT_MODEL")) {
                Set<String> lost = new TreeSet<>(List.of("DISTRICT_MODEL"));
                if (expected.awards().contains("DISTRICT_GIAY_KHEN")) lost.add("DISTRICT_GIAY_KHEN");
                losses.put(n.get("id").asText(), lost);
            }
        }
        assertThat(losses).as("the sample has district models between 12 and 18 months").isNotEmpty();
        return losses;
    }

    private static Map<String, Set<String>> changes(JsonNode impact, String field) {
        Map<String, Set<String>> byId = new TreeMap<>();
        for (JsonNode n : impact.get("titleChanges")) {
            Set<String> titles = new TreeSet<>();
            n.get(field).forEach(t -> titles.add(t.asText()));
            if (!titles.isEmpty()) byId.put(n.get("id").asText(), titles);
        }
        return byId;
    }

    @Test
    void raisingOneThresholdLosesExactlyTheNominationsBelowIt() throws Exception {
        Path library = libraryWithEighteenMonths();
        CommandRun run = CommandRun.of("diff", "--base", "rules", "--rules", library.toString(), SAMPLE, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode impact = JSON.readTree(run.out());
        Map<String, Set<String>> expected = expectedLossesAtEighteenMonths();
        assertThat(changes(impact, "lost")).isEqualTo(expected);
        assertThat(changes(impact, "gained")).isEmpty();
        JsonNode districtModel = title(impact, "DISTRICT_MODEL");
        assertThat(districtModel.get("lost").asInt()).isEqualTo(expected.size());
        assertThat(districtModel.get("before").asInt() - districtModel.get("after").asInt()).isEqualTo(expected.size());
        assertThat(title(impact, "CITY_MODEL").get("lost").asInt()).isZero();
        // models between 12 and 18 months that held no district model anyway: same titles, one more reason
        Set<String> newlyFailing = new TreeSet<>();
        impact.get("reasonChanges").forEach(n -> newlyFailing.add(n.get("id").asText()));
        assertThat(newlyFailing).isEqualTo(modelsBetween12And18MonthsWithout("DISTRICT_MODEL"));
        assertThat(impact.at("/reasonChanges/0/outcomes/0/text").asText())
                .matches("months-running: required >= 12 → >= 18, actual 1[2-7] \\(passed → failed\\)");
    }

    private static Set<String> modelsBetween12And18MonthsWithout(String title) throws Exception {
        JsonNode sample = JSON.readTree(Path.of(SAMPLE).toFile());
        Fixture fixture = Fixture.load(Path.of("fixtures/regression/gia-lam-2024.json"));
        Set<String> ids = new TreeSet<>();
        for (JsonNode n : sample.get("nominations")) {
            if (!n.has("startDate")) continue;
            long months = ChronoUnit.MONTHS.between(LocalDate.parse(n.get("startDate").asText()), LocalDate.of(2024, 12, 31));
            if (months >= 12 && months < 18 && !fixture.expected().get(n.get("id").asText()).awards().contains(title)) {
                ids.add(n.get("id").asText());
            }
        }
        return ids;
    }

    @Test
    void theTextReportNamesTheChangedCriterionWithBothRequirements() throws Exception {
        CommandRun run = CommandRun.of("diff", "--base", "rules", "--rules", libraryWithEighteenMonths().toString(), SAMPLE);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("GL-2024-036").contains("  loses DISTRICT_MODEL\n")
                .contains("DISTRICT_MODEL  months-running: required >= 12 → >= 18, actual 14 (passed → failed)");
        String table = run.out().lines().filter(l -> l.startsWith("DISTRICT_MODEL ")).findFirst().orElseThrow();
        assertThat(table.split("\\s+")).containsExactly("DISTRICT_MODEL", "27",
                String.valueOf(27 - expectedLossesAtEighteenMonths().size()), "0",
                String.valueOf(expectedLossesAtEighteenMonths().size()));
    }

    @Test
    void theBaseCanBeAGitRevisionOfTheRulesDirectory() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        copyTree(Path.of("rules"), repo.resolve("rules"));
        git(repo, "init", "-q");
        git(repo, "add", "rules");
        git(repo, "-c", "user.name=dvk test", "-c", "user.email=test@dvk.invalid", "commit", "-q", "-m", "rules");
        Path model = repo.resolve("rules/2024-2025/district-model.drl");
        Files.writeString(model, Files.readString(model).replace(MONTHS_12, MONTHS_18), StandardCharsets.UTF_8);

        CommandRun run = CommandRun.of("diff", "--base", "git:HEAD", "--rules", repo.resolve("rules").toString(), SAMPLE,
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode impact = JSON.readTree(run.out());
        assertThat(impact.at("/base/source").asText()).startsWith("git:HEAD:").endsWith("/2024-2025");
        assertThat(changes(impact, "lost")).isEqualTo(expectedLossesAtEighteenMonths());

        CommandRun unknown = CommandRun.of("diff", "--base", "git:no-such-rev", "--rules", repo.resolve("rules").toString(), SAMPLE);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--base git:no-such-rev: \"no-such-rev\" is not a revision");
    }

    @Test
    void theTwoLevelGovernmentsImpactMatchesTheTwoFixtures() throws Exception {
        String batch = "fixtures/samples/gia-lam-2026.json";
        CommandRun refused = CommandRun.of("diff", "--base", "rules/2024-2025", "--rules", "rules/2026", batch);
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.err()).contains("no rule set applies to 2026: rules/2024-2025 applies to 2024–2025");

        CommandRun run = CommandRun.of("diff", "--what-if", "--base", "rules/2024-2025", "--rules", "rules/2026", batch,
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode impact = JSON.readTree(run.out());
        assertThat(impact.at("/base/whatIf").asBoolean()).isTrue();
        assertThat(impact.at("/changed/whatIf").asBoolean()).isFalse();
        // the 2026 batch is the 2024 sample moved two years on: the 2024 fixture says what the old rules give it
        Map<String, Expectation> before = Fixture.load(Path.of("fixtures/regression/gia-lam-2024.json")).expected();
        Map<String, Expectation> after = Fixture.load(Path.of("fixtures/regression/gia-lam-2026.json")).expected();
        Map<String, Set<String>> lost = new TreeMap<>();
        Map<String, Set<String>> gained = new TreeMap<>();
        for (String id : before.keySet()) {
            Set<String> l = new TreeSet<>(before.get(id).awards());
            l.removeAll(after.get(id).awards());
            Set<String> g = new TreeSet<>(after.get(id).awards());
            g.removeAll(before.get(id).awards());
            if (!l.isEmpty()) lost.put(id, l);
            if (!g.isEmpty()) gained.put(id, g);
        }
        assertThat(changes(impact, "lost")).isEqualTo(lost);
        assertThat(changes(impact, "gained")).isEqualTo(gained);
        assertThat(title(impact, "DISTRICT_MODEL").get("inChanged").asBoolean()).isFalse();
    }

    @Test
    void theHtmlReportIsOneSelfContainedPage() throws Exception {
        Path out = temp.resolve("impact.html");
        Path changed = libraryWithEighteenMonths();
        CommandRun run = CommandRun.of("diff", "--base", "rules", "--rules", changed.toString(), SAMPLE,
                "--format", "html", "--out", out.toString());
        assertThat(run.exitCode()).isZero();
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"vi\">")
                .contains("Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện")
                .contains("id=\"GL-2024-036\"")
                .contains("Thời gian duy trì: yêu cầu tối thiểu 12 tháng → tối thiểu 18 tháng, thực tế 14 tháng");
        CommandRun english = CommandRun.of("diff", "--base", "rules", "--rules", changed.toString(), SAMPLE,
                "--format", "html", "--out", out.toString(), "--lang", "en");
        assertThat(english.exitCode()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("<html lang=\"en\">")
                .contains("months running: required at least 12 months → at least 18 months, actual 14 months");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script src")
                .doesNotContain("<link");
    }

    private static JsonNode title(JsonNode impact, String code) {
        for (JsonNode t : impact.get("titles")) {
            if (t.get("title").asText().equals(code)) return t;
        }
        throw new AssertionError("no title " + code);
    }

    private static void git(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
    }
}
