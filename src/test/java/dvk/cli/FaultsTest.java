package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.FaultyRules;
import dvk.testing.RulesCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run that fails (a broken rule, a broken input file) ends with a clear error and exit code, in
 * bounded time, and never leaves a partial output nor touches the previous good one.
 */
class FaultsTest {
    private static final String THROW = """
            package dvk.rules;
            import dvk.domain.Nomination;
            rule "divide by replication" @id("test.divide") @cite("test")
            when $n : Nomination(replicationSites == 0) then long each = $n.fundsVnd() / $n.replicationSites(); end
            """;

    @TempDir
    Path temp;

    private Path previousGoodOutput() throws Exception {
        Path out = temp.resolve("decisions.json");
        Files.writeString(out, "the previous good report\n");
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "loop,  tick forever,         does it loop?",
        "throw, divide by replication, ArithmeticException",
        "flood, count to infinity,    insert without end"})
    void aFaultyRuleExitsFourNamingTheRuleInBoundedTimeAndWritesNothing(String fault, String rule, String why) throws Exception {
        String drl = switch (fault) {
            case "loop" -> FaultyRules.LOOP;
            case "throw" -> THROW;
            default -> FaultyRules.FLOOD;
        };
        RulesCopy rules = RulesCopy.of(temp).write("fault.drl", drl);
        Path out = previousGoodOutput();
        long started = System.nanoTime();
        CommandRun run = CommandRun.of("evaluate", "fixtures/samples/gia-lam-2024.json", "--rules",
                rules.directory().toString(), "--out", out.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded").isLessThan(Duration.ofMinutes(2));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULES);
        assertThat(run.err()).contains("rule \"" + rule + "\"").contains(why).contains("nothing was written")
                .doesNotContain("\tat ");
        if (!fault.equals("loop")) {
            assertThat(run.err()).as("the nomination involved").containsPattern("nomination GL-2024-\\d{3}");
        }
        assertThat(Files.readString(out)).isEqualTo("the previous good report\n");
        assertThat(temp).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void aTruncatedJsonFileNamesWhereItBreaksAndWritesNothing() throws Exception {
        String sample = Files.readString(Path.of("fixtures/samples/gia-lam-2024.json"), StandardCharsets.UTF_8);
        int cut = sample.indexOf("GL-2024-004");
        Path batch = Files.writeString(temp.resolve("cut.json"), sample.substring(0, cut), StandardCharsets.UTF_8);
        Path out = previousGoodOutput();
        CommandRun run = CommandRun.of("evaluate", batch.toString(), "--rules", "rules", "--out", out.toString(), "--lang", "en");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).containsPattern("at line \\d+, column \\d+")
                .contains("in record 3, after 3 complete records")
                .contains("the run stopped after 3 records were read, and nothing was written");
        assertThat(Files.readString(out)).isEqualTo("the previous good report\n");
    }

    @Test
    void aCsvRowWithAnotherYearMidWayStopsTheRunWithItsLine() throws Exception {
        String csv = Files.readString(Path.of("fixtures/samples/gia-lam-2024.csv"), StandardCharsets.UTF_8);
        String[] lines = csv.split("\n", -1);
        lines[5] = lines[5].replaceFirst("^2024,", "2025,");
        Path batch = Files.writeString(temp.resolve("two-years.csv"), String.join("\n", lines), StandardCharsets.UTF_8);
        CommandRun run = CommandRun.of("evaluate", batch.toString(), "--rules", "rules", "--format", "csv",
                "--out", temp.resolve("out.csv").toString(), "--lang", "en");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("line 6: year 2025 differs from 2024").contains("nothing was written");
        assertThat(temp.resolve("out.csv")).doesNotExist();
    }
}
