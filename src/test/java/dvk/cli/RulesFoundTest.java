package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.engine.RuleSources;
import dvk.engine.RulesLookup;
import dvk.testing.RulesCopy;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without --rules, dvk uses rules/ of the working directory or the nearest directory above it, else
 * its bundled copy; every command's summary on stderr names the rule set and its fingerprint. A
 * working directory other than the tests' own needs a process of its own: those runs start dvk in a
 * fresh JVM on the test class path.
 */
class RulesFoundTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String shortFingerprint(Path ruleSet) throws Exception {
        return RuleSources.read(ruleSet).fingerprint().substring(0, "sha256:".length() + 12);
    }

    @Test
    void fromASubdirectoryTheEditedRulesAboveAreUsedAndNamed() throws Exception {
        Path library = Files.createDirectories(temp.resolve("rules"));
        Path edited = library.resolve("2024-2025");
        Files.move(RulesCopy.of(temp.resolve("copy")).replace("district-model.drl", "$m.months(), 12)", "$m.months(), 18)")
                .directory(), edited);
        Path fixtures = Files.createDirectories(temp.resolve("fixtures/regression"));
        Run evaluate = dvkIn(fixtures, "evaluate", SAMPLE.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.err()).contains("DISTRICT_MODEL 26 ")
                .contains("→ đầu ra chuẩn (quy tắc ../../rules/2024-2025 " + shortFingerprint(edited) + ")");
        JsonNode decisions = JSON.readTree(evaluate.out());
        assertThat(decisions.at("/summary/titles/DISTRICT_MODEL").asInt()).isEqualTo(26);
        Run check = dvkIn(fixtures, "check");
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).isEqualTo("../../rules/2024-2025: 46 rules, 6 titles, years 2024–2025: ok\n");
        assertThat(check.err()).isEmpty();
    }

    @Test
    void withNoRulesAboveTheBundledCopyIsUsedAndCheckSaysSo() throws Exception {
        Path alone = Files.createDirectories(temp.resolve("alone"));
        assumeTrue(RulesLookup.find(alone).isEmpty(), "a rules/ directory above the temporary directory");
        Run check = dvkIn(alone, "check");
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("bundled:rules/2024-2025: 46 rules").contains("bundled:rules/2026: ");
        assertThat(check.err()).isEqualTo("dvk: no rules/ directory here or above it: checked the rules bundled in dvk"
                + " (bundled:rules), not rules you can edit; name yours with --rules DIR\n");
        Run evaluate = dvkIn(alone, "evaluate", SAMPLE.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.err()).contains("(quy tắc bundled:rules/2024-2025 " + shortFingerprint(Path.of("rules/2024-2025")) + ")");
    }

    @Test
    void everyCommandsSummaryNamesTheRuleSetsAndFingerprintsItUsed() throws Exception {
        String rules2024 = "rules/2024-2025 " + shortFingerprint(Path.of("rules/2024-2025"));
        String rules2026 = "rules/2026 " + shortFingerprint(Path.of("rules/2026"));
        CommandRun evaluate = CommandRun.of("evaluate", SAMPLE.toString());
        // the summary first, then what reading the batch warns of; evaluate's lines are about the committee's data, so Vietnamese
        assertThat(evaluate.err()).startsWith("dvk: 60 hồ sơ, 60 được xét, 0 bị loại; DISTRICT_MODEL 27 DISTRICT_GIAY_KHEN 15"
                + " CITY_MODEL 3 CITY_BANG_KHEN 1 DISTRICT_WORK_SIGN 5 CITY_WORK_SIGN 2 → đầu ra chuẩn (quy tắc " + rules2024 + ")\n");
        assertThat(CommandRun.of("evaluate", SAMPLE.toString(), "--lang", "en").err()).startsWith("dvk: 60 records, 60 decided,"
                + " 0 rejected; DISTRICT_MODEL 27 DISTRICT_GIAY_KHEN 15 CITY_MODEL 3 CITY_BANG_KHEN 1 DISTRICT_WORK_SIGN 5"
                + " CITY_WORK_SIGN 2 → standard output (rules " + rules2024 + ")\n");
        CommandRun verify = CommandRun.of("verify");
        assertThat(verify.err()).isEqualTo("dvk: all 6 fixtures hold (rules " + rules2024 + ", " + rules2026 + ")\n");
        CommandRun catalog = CommandRun.of("rules");
        assertThat(catalog.err()).isEqualTo("dvk: catalog of 77 rules in 2 rule sets → standard output (rules " + rules2024
                + ", " + rules2026 + ")\n");
        CommandRun diff = CommandRun.of("diff", "--base", "rules", SAMPLE.toString());
        assertThat(diff.err()).isEqualTo("dvk: impact of " + rules2024 + " against " + rules2024
                + ": 0 nominations change titles → standard output\n");
    }

    record Run(int exitCode, String out, String err) {}

    /** dvk in a fresh JVM, started in {@code directory}. */
    private Run dvkIn(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        File out = temp.resolve("stdout.txt").toFile();
        File err = temp.resolve("stderr.txt").toFile();
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectOutput(out).redirectError(err).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("dvk finished in time").isTrue();
        return new Run(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
