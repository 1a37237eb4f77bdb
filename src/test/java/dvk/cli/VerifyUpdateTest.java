package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.RulesCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dvk verify --update}: after the same mismatch table as verify, the failing fixtures'
 * expectations become what the rules decide, exactly the changes the table shows, everything else
 * of each file kept byte for byte; a clean run changes nothing.
 */
class VerifyUpdateTest {
    @TempDir
    Path temp;

    /** A copy of fixtures/ (the regression fixtures of 2024 and the samples they read) and a rules library beside it. */
    private Path fixtures() throws IOException {
        Path regression = Files.createDirectories(temp.resolve("fixtures/regression"));
        Files.createDirectories(temp.resolve("fixtures/samples"));
        Files.copy(Path.of("fixtures/samples/gia-lam-2024.json"), temp.resolve("fixtures/samples/gia-lam-2024.json"));
        for (String name : new String[] {"boundaries-2024", "gia-lam-2024", "quota-2024", "rejects-2024"}) {
            Files.copy(Path.of("fixtures/regression/" + name + ".json"), regression.resolve(name + ".json"));
        }
        return regression;
    }

    private Path library(RulesCopy ruleSet) throws IOException {
        Path library = Files.createDirectories(temp.resolve("rules"));
        Files.move(ruleSet.directory(), library.resolve("2024-2025"));
        return library;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFailingExpectationsBecomeWhatTheRulesDecideAndNothingElseChanges() throws Exception {
        Path regression = fixtures();
        String rules = library(RulesCopy.of(temp.resolve("copy"))
                .replace("district-model.drl", "$m.months(), 12)", "$m.months(), 18)")).toString();
        CommandRun verify = CommandRun.of("verify", "--rules", rules, regression.toString());
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.FINDINGS);

        CommandRun update = CommandRun.of("verify", "--update", "--rules", rules, regression.toString());
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).as("the same table as verify").isEqualTo(verify.out());
        assertThat(update.err()).contains("dvk: rewrote " + regression.resolve("boundaries-2024.json") + ": B-DM-MONTHS-AT\n")
                .contains("dvk: rewrote " + regression.resolve("gia-lam-2024.json") + ": GL-2024-027, GL-2024-036\n")
                .contains("dvk: updated 2 of 4 fixtures to what the rules decide (5 mismatches); all 4 fixtures hold now");

        // exactly the walkthrough's hand edit of docs/policy-staff.md, and nothing else of either file
        String gialam = replaceOnce(read(Path.of("fixtures/regression/gia-lam-2024.json")),
                "\"score\": 30,\n      \"awards\": [],\n      \"failed\": {\n"
                        + "        \"DISTRICT_MODEL\": [\"complete-dossier\", \"no-recent-violation\", \"min-score\", \"commune-recognition\"],",
                "\"score\": 30,\n      \"awards\": [],\n      \"failed\": {\n"
                        + "        \"DISTRICT_MODEL\": [\"complete-dossier\", \"no-recent-violation\", \"months-running\", \"min-score\","
                        + " \"commune-recognition\"],");
        gialam = replaceOnce(gialam,
                "\"GL-2024-036\": {\n      \"score\": 65,\n      \"awards\": [\"DISTRICT_MODEL\"],\n      \"failed\": {\n"
                        + "        \"DISTRICT_GIAY_KHEN\": [\"min-score\"],",
                "\"GL-2024-036\": {\n      \"score\": 65,\n      \"awards\": [],\n      \"failed\": {\n"
                        + "        \"DISTRICT_MODEL\": [\"months-running\"],\n"
                        + "        \"DISTRICT_GIAY_KHEN\": [\"district-model-awarded\", \"min-score\"],");
        assertThat(read(regression.resolve("gia-lam-2024.json"))).isEqualTo(gialam);
        String boundaries = replaceOnce(read(Path.of("fixtures/regression/boundaries-2024.json")),
                "\"B-DM-MONTHS-AT\": {\n      \"score\": 90,\n      \"awards\": [\"DISTRICT_MODEL\", \"DISTRICT_GIAY_KHEN\"],\n"
                        + "      \"failed\": {\n",
                "\"B-DM-MONTHS-AT\": {\n      \"score\": 90,\n      \"awards\": [],\n      \"failed\": {\n"
                        + "        \"DISTRICT_MODEL\": [\"months-running\"],\n        \"DISTRICT_GIAY_KHEN\": [\"district-model-awarded\"],\n");
        assertThat(read(regression.resolve("boundaries-2024.json"))).isEqualTo(boundaries);
        for (String unchanged : new String[] {"quota-2024.json", "rejects-2024.json"}) {
            assertThat(Files.mismatch(regression.resolve(unchanged), Path.of("fixtures/regression", unchanged))).isEqualTo(-1);
        }

        CommandRun again = CommandRun.of("verify", "--rules", rules, regression.toString());
        assertThat(again.exitCode()).isZero();
    }

    @Test
    void onACleanRunUpdateChangesNothingByteForByte() throws Exception {
        Path regression = fixtures();
        byte[][] before = Stream.of("boundaries-2024", "gia-lam-2024", "quota-2024", "rejects-2024")
                .map(n -> bytes(regression.resolve(n + ".json"))).toArray(byte[][]::new);
        long modified = Files.getLastModifiedTime(regression.resolve("gia-lam-2024.json")).toMillis();
        CommandRun update = CommandRun.of("verify", "--update", "--rules", "rules", regression.toString());
        assertThat(update.exitCode()).isZero();
        assertThat(update.err()).startsWith("dvk: all 4 fixtures hold; nothing to update (rules rules/2024-2025 sha256:");
        String[] names = {"boundaries-2024", "gia-lam-2024", "quota-2024", "rejects-2024"};
        for (int i = 0; i < names.length; i++) {
            assertThat(bytes(regression.resolve(names[i] + ".json"))).as(names[i]).isEqualTo(before[i]);
        }
        assertThat(Files.getLastModifiedTime(regression.resolve("gia-lam-2024.json")).toMillis()).isEqualTo(modified);
    }

    @Test
    void theCityQuotaFrom3To2IsTwelveMismatchesInThreeFixturesSettledInOneStep() throws Exception {
        Path regression = fixtures();
        String rules = library(RulesCopy.of(temp.resolve("copy"))
                .replace("city-model.drl", "$r.placeOf($c.nominationId()), 3)", "$r.placeOf($c.nominationId()), 2)")).toString();
        CommandRun update = CommandRun.of("verify", "--update", "--rules", rules, regression.toString());
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out().lines().filter(l -> l.startsWith("FAILS"))).hasSize(3);
        assertThat(update.err()).contains("updated 3 of 4 fixtures to what the rules decide (12 mismatches); all 4 fixtures"
                + " hold now");
        assertThat(CommandRun.of("verify", "--rules", rules, regression.toString()).exitCode()).isZero();
    }

    @Test
    void mismatchesTheRulesDoNotSettleAreLeftForAPerson() throws Exception {
        Path regression = fixtures();
        Path rejects = regression.resolve("rejects-2024.json");
        // R-OK-WORK is a valid work the rules decide; the fixture now says it must be rejected
        String text = replaceOnce(read(rejects), "\"R-OK-WORK\": {\n      \"awards\": [\"CITY_WORK_SIGN\"],\n      \"failed\": {}\n    }",
                "\"R-OK-WORK\": {\n      \"rejected\": [\"name\"]\n    }");
        Files.writeString(rejects, text, StandardCharsets.UTF_8);
        CommandRun update = CommandRun.of("verify", "--update", "--rules", "rules", rejects.toString());
        assertThat(update.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(update.out()).containsPattern("rejects-2024 +R-OK-WORK +- +rejected \\[name\\] +not rejected");
        assertThat(update.err()).contains("1 mismatches left to fix by hand");
        assertThat(read(rejects)).isEqualTo(text);
    }

    @Test
    void updateAndCoverageDoNotGoTogether() {
        CommandRun run = CommandRun.of("verify", "--update", "--coverage");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--update and --coverage do not go together");
    }

    /** {@code text} with its one occurrence of {@code from} replaced. */
    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("once in the text: " + from).isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("once in the text: " + from).isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
