package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.RulesCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path temp;

    @Test
    void everyFixtureHoldsWithTheRepositoryRules() {
        CommandRun run = CommandRun.of("verify");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("holds  gia-lam-2024  (60 nominations, 2024)")
                .contains("holds  gia-lam-2026  (60 nominations, 2026)");
        assertThat(run.err()).contains("all 6 fixtures hold");
    }

    @Test
    void theMessagesAreVietnameseOnRequest() {
        CommandRun run = CommandRun.of("verify", "--lang", "vi");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("dvk: cả 6 bộ kiểm thử đều khớp (quy tắc rules/2024-2025 sha256:").endsWith(")\n");
        CommandRun check = CommandRun.of("check", "--rules", "no-such-rules", "--lang", "vi");
        assertThat(check.exitCode()).isEqualTo(4);
        assertThat(check.err()).startsWith("dvk: không đọc được bộ quy tắc:");
    }

    @Test
    void aChangedThresholdFailsWithAReadableTableOfMismatches() throws Exception {
        Path library = Files.createDirectories(temp.resolve("rules"));
        RulesCopy changed = RulesCopy.of(temp.resolve("copy")).replace("district-model.drl", "$m.months(), 12)", "$m.months(), 18)");
        Files.move(changed.directory(), library.resolve("2024-2025"));
        CommandRun run = CommandRun.of("verify", "--rules", library.toString(), "fixtures/regression/gia-lam-2024.json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILS  gia-lam-2024  (60 nominations, 2024, ");
        String row = run.out().lines().filter(l -> l.startsWith("gia-lam-2024  GL-2024-036  DISTRICT_MODEL ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for GL-2024-036's DISTRICT_MODEL:\n" + run.out()));
        assertThat(row.split("\\s{2,}")).containsExactly("gia-lam-2024", "GL-2024-036", "DISTRICT_MODEL", "awarded",
                "not awarded", "months-running: 14, required >= 18");
        assertThat(run.out()).contains("fixture").contains("nomination").contains("expected").contains("got");
    }

    @Test
    void aFixtureWhoseYearNoRuleSetCoversIsARulesError() throws Exception {
        CommandRun run = CommandRun.of("verify", "--rules", "rules/2024-2025", "fixtures/regression/gia-lam-2026.json");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("no rule set applies to 2026: rules/2024-2025 applies to 2024–2025");
    }

    @Test
    void aMissingFixtureDirectoryIsAUsageError() {
        CommandRun run = CommandRun.of("verify", temp.resolve("none").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("none: no such fixture file or directory");
    }
}
